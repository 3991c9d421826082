/**
 * Sample conversations for "Try an example": a customer message (with earlier messages of
 * the same conversation where they matter) and an agent's draft reply. They are material to
 * analyse, like anything a person pastes in, so they stay in Chinese, the language the
 * engine reads first; only their names are translated (analyzer.examples.*).
 */
export interface TAnalyzerExample {
  /** Also the i18n key of its name: analyzer.examples.<id>. */
  id: 'angryLate' | 'anxiousGift' | 'calmPresale' | 'disappointedRepeat';
  message: string;
  context: string[];
  reply: string;
}

export const ANALYZER_EXAMPLES: readonly TAnalyzerExample[] = [
  {
    id: 'angryLate',
    context: ['你好，我的订单什么时候发货？', '都三天了物流还没有任何信息，麻烦快点处理！'],
    message: '我上周一就下单了，到现在快十天了还没发货！！你们到底怎么回事？已经是第三次来问了，每次都说在催，再不给我个说法我就去12315投诉，再给你们差评！',
    reply: '亲，这个不是我们的问题，是快递那边延误了，您着急也没用，我们也没办法，请您耐心等待。',
  },
  {
    id: 'anxiousGift',
    context: [],
    message: '明天就是我妈妈的生日了，这个礼物今天能送到吗？物流一直显示运输中，我好着急，真怕赶不上😟',
    reply: '您好，物流信息请以快递公司官网为准，请耐心等待，感谢您的理解与支持。',
  },
  {
    id: 'calmPresale',
    context: [],
    message: '你好，请问这款保温杯的容量是多少？能放进车上的杯架吗？',
    reply: '您好，这款保温杯容量是500毫升，杯身直径7厘米，大多数车型的杯架都能放进去。您方便告诉我车型吗？我帮您再确认一下～',
  },
  {
    id: 'disappointedRepeat',
    context: ['收到的吹风机开不了机，申请换货。', '换货的单号一直没有更新，到底寄出来没有？'],
    message: '这已经是我第三次联系你们了，换回来的还是坏的，问题到现在还没解决。真的很失望，本来挺信任你们家的。',
    reply: '因为最近订单太多，仓库那边比较忙，所以可能检查得不太仔细，您再重新申请一次换货吧。',
  },
];
