import { describe, expect, it } from 'vitest';
import { maskPersonalData, type TMaskCounts } from './mask.js';

const NONE: TMaskCounts = { phone: 0, idCard: 0, email: 0, address: 0, bankCard: 0 };
const counted = (partial: Partial<TMaskCounts>): TMaskCounts => ({ ...NONE, ...partial });

// Test numbers: IDs carry a correct GB 11643 check character and cards a correct Luhn digit
// (worked out apart from the code under test), unless the case says otherwise.
describe('maskPersonalData: phones', () => {
  it.each([
    { whenInputIs: '电话13812345678，麻烦尽快发货', expectedOutputIs: '电话138****5678，麻烦尽快发货' },
    { whenInputIs: '我手机 138 1234 5678', expectedOutputIs: '我手机 138 **** 5678' },
    { whenInputIs: '打我电话138-1234-5678吧', expectedOutputIs: '打我电话138-****-5678吧' },
    { whenInputIs: '+86 139 1234 5678', expectedOutputIs: '+86 139 **** 5678' },
    { whenInputIs: '+8613912345678', expectedOutputIs: '+86139****5678' },
    { whenInputIs: '0086-15912345678 是我老公的', expectedOutputIs: '0086-159****5678 是我老公的' },
    { whenInputIs: '手机１３８１２３４５６７８', expectedOutputIs: '手机１３８****５６７８' },
    { whenInputIs: '号码是1 3 8 1 2 3 4 5 6 7 8', expectedOutputIs: '号码是1 3 8 * * * * 5 6 7 8' },
    { whenInputIs: 'call me at 13812345678 after 6pm', expectedOutputIs: 'call me at 138****5678 after 6pm' },
    { whenInputIs: '座机0571-88886666', expectedOutputIs: '座机0571-********' },
    { whenInputIs: '公司电话010-12345678转总机', expectedOutputIs: '公司电话010-********转总机' },
    { whenInputIs: '打(0571)88886666找前台', expectedOutputIs: '打(0571)********找前台' },
    { whenInputIs: 'my number is (010) 1234 5678', expectedOutputIs: 'my number is (010) **** ****' },
    { whenInputIs: '座机 021 6123 4567', expectedOutputIs: '座机 021 **** ****' },
  ])('masks "$whenInputIs"', ({ whenInputIs, expectedOutputIs }) => {
    const result = maskPersonalData(whenInputIs);
    expect(result.text).toBe(expectedOutputIs);
    expect(result.counts).toEqual(counted({ phone: 1 }));
  });

  it('masks each of several phones in one message', () => {
    const result = maskPersonalData('13812345678 13912345678，备用15012345678');
    expect(result.text).toBe('138****5678 139****5678，备用150****5678');
    expect(result.counts.phone).toBe(3);
  });

  it('keeps a service hotline and numbers glued to letters', () => {
    expect(maskPersonalData('有问题打400-820-8820').text).toBe('有问题打400-820-8820');
    expect(maskPersonalData('型号AB13812345678').text).toBe('型号AB13812345678');
  });
});

describe('maskPersonalData: ID cards', () => {
  it.each([
    { whenInputIs: '身份证号11010519491231002X', expectedOutputIs: '身份证号110***********002X' },
    { whenInputIs: '我的证件 330106199003071236 请核对', expectedOutputIs: '我的证件 330***********1236 请核对' },
    { whenInputIs: '440304198511114561', expectedOutputIs: '440***********4561' },
    { whenInputIs: '报关要填的：11010519491231002x', expectedOutputIs: '报关要填的：110***********002x' },
    { whenInputIs: '身份证 330106 19900307 1236', expectedOutputIs: '身份证 330*** ******** 1236' },
    { whenInputIs: '身份证号是330106900307123', expectedOutputIs: '身份证号是330********7123' },
  ])('masks "$whenInputIs"', ({ whenInputIs, expectedOutputIs }) => {
    const result = maskPersonalData(whenInputIs);
    expect(result.text).toBe(expectedOutputIs);
    expect(result.counts).toEqual(counted({ idCard: 1 }));
  });

  it.each([
    { case: 'February 30th', text: '110101200002301231' },
    { case: 'month 13', text: '320102199213011234' },
    { case: 'no such province', text: '990106199003071236' },
  ])('keeps an 18-digit number whose birth date or province is impossible ($case)', ({ text }) => {
    expect(maskPersonalData(`这个编号 ${text} 是什么`)).toEqual({ text: `这个编号 ${text} 是什么`, counts: NONE });
  });

  it('keeps a 15-digit number unless the words 身份证/证件号 come before it', () => {
    expect(maskPersonalData('330106900307123').text).toBe('330106900307123');
  });
});

describe('maskPersonalData: bank cards', () => {
  it.each([
    { whenInputIs: '退到这张卡 6222021234567890128', expectedOutputIs: '退到这张卡 ***************0128' },
    { whenInputIs: '6222 0212 3456 7890 128 工行的', expectedOutputIs: '**** **** **** ***0 128 工行的' },
    { whenInputIs: '信用卡4367421234567896', expectedOutputIs: '信用卡************7896' },
    { whenInputIs: '银行卡号6222021234567890', expectedOutputIs: '银行卡号************7890' },
  ])('masks "$whenInputIs" keeping the last 4 digits', ({ whenInputIs, expectedOutputIs }) => {
    const result = maskPersonalData(whenInputIs);
    expect(result.text).toBe(expectedOutputIs);
    expect(result.counts).toEqual(counted({ bankCard: 1 }));
  });

  it('keeps a 16-digit number that fails the Luhn check', () => {
    expect(maskPersonalData('编码6222021234567890是啥')).toEqual({ text: '编码6222021234567890是啥', counts: NONE });
  });

  it('keeps a Luhn-valid number that no card network issues (begins with 1)', () => {
    expect(maskPersonalData('1234567890123456785 这单呢').text).toBe('1234567890123456785 这单呢');
  });

  it('keeps a bare Luhn-valid 19-digit run that begins like a credit card (an order number), masks it in groups of four', () => {
    expect(maskPersonalData('4888123456789012341 到哪了').text).toBe('4888123456789012341 到哪了');
    expect(maskPersonalData('4888 1234 5678 9012 341').text).toBe('**** **** **** ***2 341');
  });
});

describe('maskPersonalData: emails', () => {
  it.each([
    { whenInputIs: '发票发到zhangsan@qq.com', expectedOutputIs: '发票发到z***@qq.com' },
    { whenInputIs: '邮箱 13812345678@163.com 谢谢', expectedOutputIs: '邮箱 1***@163.com 谢谢' },
    { whenInputIs: 'Please email li.na_88@company.com.cn.', expectedOutputIs: 'Please email l***@company.com.cn.' },
    { whenInputIs: '邮箱wang＠qq.com', expectedOutputIs: '邮箱w***@qq.com' },
  ])('masks "$whenInputIs"', ({ whenInputIs, expectedOutputIs }) => {
    const result = maskPersonalData(whenInputIs);
    expect(result.text).toBe(expectedOutputIs);
    expect(result.counts).toEqual(counted({ email: 1 }));
  });

  it('leaves an @-mention alone', () => {
    expect(maskPersonalData('@客服小美 在吗').text).toBe('@客服小美 在吗');
  });
});

describe('maskPersonalData: addresses and names', () => {
  it.each([
    {
      whenInputIs: '电话13812345678，地址浙江省杭州市西湖区文三路 199 号 3 栋 2 单元 501 室',
      expectedOutputIs: '电话138****5678，地址浙江省杭州市西湖区[地址]',
      counts: { phone: 1, address: 1 },
    },
    {
      whenInputIs: '收货地址：北京市朝阳区建国路88号SOHO现代城2号楼1201室，麻烦改一下',
      expectedOutputIs: '收货地址：北京市朝阳区[地址]，麻烦改一下',
      counts: { address: 1 },
    },
    { whenInputIs: '地址改成上海市浦东新区张江路100弄5号602', expectedOutputIs: '地址改成上海市浦东新区[地址]', counts: { address: 1 } },
    { whenInputIs: '麻烦寄到苏州市工业园区星湖街328号，谢谢', expectedOutputIs: '麻烦寄到苏州市工业园区[地址]，谢谢', counts: { address: 1 } },
    { whenInputIs: '送到浙江杭州西湖区文一西路阳光小区', expectedOutputIs: '送到浙江杭州西湖区[地址]', counts: { address: 1 } },
    { whenInputIs: '我住在义乌市稠州北路3号楼', expectedOutputIs: '我住在义乌市[地址]', counts: { address: 1 } },
    { whenInputIs: '我家在阳光小区3栋501，白天没人', expectedOutputIs: '我家在[地址]，白天没人', counts: { address: 1 } },
    { whenInputIs: '东西放在文三路199号门卫那里', expectedOutputIs: '东西放在[地址]门卫那里', counts: { address: 1 } },
    { whenInputIs: '新疆维吾尔自治区乌鲁木齐市天山区解放北路12号', expectedOutputIs: '新疆维吾尔自治区乌鲁木齐市天山区[地址]', counts: { address: 1 } },
    { whenInputIs: '地址：四川省成都市武侯区人民南路四段 1 号', expectedOutputIs: '地址：四川省成都市武侯区[地址]', counts: { address: 1 } },
    { whenInputIs: '寄到黑龙江省哈尔滨市南岗区西大直街92号', expectedOutputIs: '寄到黑龙江省哈尔滨市南岗区[地址]', counts: { address: 1 } },
    { whenInputIs: '收货地址：浙江省 杭州市 西湖区 阳光小区', expectedOutputIs: '收货地址：浙江省 杭州市 西湖区 [地址]', counts: { address: 1 } },
    { whenInputIs: '地址: 广东省广州市天河区天河路385号太古汇一座28楼', expectedOutputIs: '地址: 广东省广州市天河区[地址]', counts: { address: 1 } },
    { whenInputIs: '收件人：张三，电话13812345678', expectedOutputIs: '收件人：张**，电话138****5678', counts: { phone: 1, address: 1 } },
    { whenInputIs: '收货人是欧阳娜娜', expectedOutputIs: '收货人是欧**', counts: { address: 1 } },
    { whenInputIs: '收货人王小明手机13912345678', expectedOutputIs: '收货人王**手机139****5678', counts: { phone: 1, address: 1 } },
  ])('masks "$whenInputIs"', ({ whenInputIs, expectedOutputIs, counts }) => {
    const result = maskPersonalData(whenInputIs);
    expect(result.text).toBe(expectedOutputIs);
    expect(result.counts).toEqual(counted(counts));
  });

  it.each([
    '我11号到家，3号4号都不在',
    '三室两厅，3室2厅的那套',
    '地铁2号线5号口出来',
    '收货人写错了',
    '姓名和电话发一下',
    '收件人张先生',
    '在5楼前台放着就行',
    '第3栋楼下的丰巢柜',
    '我在2号楼下面等',
    '小区门口的快递柜',
    '杭州市西湖区的天气怎么样',
  ])('keeps "%s" (no street, building or room detail)', (text) => {
    expect(maskPersonalData(text)).toEqual({ text, counts: NONE });
  });
});

describe('maskPersonalData: what QA needs is kept', () => {
  it.each([
    '订单号：1234567890123456789 还没发货',
    '订单号 6222021234567890128 退款了吗',
    '快递单号 SF1234567890123 查不到',
    '运单号773012345678901，物流三天没动了',
    '物流单号: 4367421234567896',
    '单号13812345678是对的吗',
    '订单编号 330106199003071236',
    'order no. 6222021234567890128 has not shipped',
    'tracking number 13812345678',
    '拼多多订单 230405-123456789012345 申请售后',
    '我的订单13812345678怎么还没到',
    '京东订单268452731234，5 件',
  ])('keeps "%s"', (text) => {
    expect(maskPersonalData(text)).toEqual({ text, counts: NONE });
  });

  it('an order cue does not protect a phone after 电话 in the same clause', () => {
    expect(maskPersonalData('订单号123456789012 电话13812345678').text).toBe('订单号123456789012 电话138****5678');
  });

  it('an order cue does not reach into the next clause', () => {
    expect(maskPersonalData('订单号123456789012，13812345678').text).toBe('订单号123456789012，138****5678');
  });

  it.each([
    '¥1399',
    '￥1,399.00 到手价',
    '2026-11-11 20:00 下单的',
    '2026年11月11日 20:00:59',
    '13:00-14:00 之间送',
    '买了 2 件，每件 89.9 元，共 179.8 元',
    '双11 前能到吗',
    '尺码 36-37，身高 165cm 体重 50kg',
    '20261111200012 是流水',
    '优惠券满300减30',
  ])('does not mask prices, dates, times or quantities: "%s"', (text) => {
    expect(maskPersonalData(text)).toEqual({ text, counts: NONE });
  });
});

describe('maskPersonalData: general', () => {
  it('returns the very same string with zero counts when nothing could be personal', () => {
    const text = '你们怎么还没发货？？我等了一个星期了！！！';
    const result = maskPersonalData(text);
    expect(result.text).toBe(text);
    expect(result.counts).toEqual(NONE);
  });

  it('handles the empty string and text without cues', () => {
    expect(maskPersonalData('')).toEqual({ text: '', counts: NONE });
    expect(maskPersonalData('OK thanks')).toEqual({ text: 'OK thanks', counts: NONE });
  });

  it('counts every kind in a shipping block', () => {
    const result = maskPersonalData(
      '收货人：李四，手机：15912345678，身份证：11010519491231002X，地址：广东省深圳市南山区科技园南路8号A座1203室，邮箱lisi@163.com，退款到6222021234567890128',
    );
    expect(result.text).toBe(
      '收货人：李**，手机：159****5678，身份证：110***********002X，地址：广东省深圳市南山区[地址]，邮箱l***@163.com，退款到***************0128',
    );
    expect(result.counts).toEqual({ phone: 1, idCard: 1, email: 1, address: 2, bankCard: 1 });
  });

  it.each([
    '电话13812345678，地址浙江省杭州市西湖区文三路 199 号 3 栋 2 单元 501 室',
    '收货人：李四，手机：+86 159-1234-5678，身份证 440304198511114561，邮箱lisi@163.com',
    '卡号 6222 0212 3456 7890 128，座机(0571)88886666',
    '送到浙江杭州西湖区文一西路阳光小区3栋501，收件人欧阳娜娜',
    '身份证号是330106900307123，邮箱 13812345678@163.com',
  ])('masking masked text changes nothing: "%s"', (text) => {
    const once = maskPersonalData(text);
    expect(once.text).not.toBe(text);
    expect(maskPersonalData(once.text)).toEqual({ text: once.text, counts: NONE });
  });

  it('throws on a non-string, naming the package', () => {
    expect(() => maskPersonalData(undefined as unknown as string)).toThrow(/@calmdesk\/engine: maskPersonalData expects a string/);
  });
});
