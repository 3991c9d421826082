/**
 * Personal-data masking for imported chat logs (transcript QA, issue 6): phone numbers,
 * ID-card numbers, bank-card numbers, emails, postal addresses and recipient names are
 * masked; order and tracking numbers, prices, dates, times and quantities are kept, since
 * they are what a QA reviewer reads.
 *
 * Rules (each a few linear passes over the message, every pattern compiled once here):
 * - Numbers are read as tokens: digit groups joined by one space or dash ("138 1234 5678"),
 *   ASCII or full-width digits, not glued to a Latin letter on the left ("SF1234567890123"
 *   is a tracking code). Each token is masked only when it has the shape of personal data:
 *   - mobile: 1[3-9] + 9 digits, as 11 / 3-4-4 / 3-8 / 7-4 / 4-3-4 digits or spaced one by one,
 *     after an optional 86 / 0086 (the + is kept) → first 3 and last 4 kept: 138****5678;
 *   - landline: 0 + area code (010 and 02x: 3 digits, else 4) + 7–8 digits, also "(0571)8888666"
 *     → area code kept, the rest *: 0571-********; 400/800 service numbers are kept;
 *   - ID card, 18 characters (last may be X): a real province code, a birth date that exists
 *     (1900–2039; the engine has no clock) and either the GB 11643 check character or the
 *     words 身份证/证件号 just before it; 15 digits (pre-1999 cards) only after those words
 *     → first 3 and last 4 kept: 110***********1234;
 *   - bank card, 16–19 digits: after 银行卡/卡号 any such number; else it must pass the Luhn
 *     check and be written in groups of 4 or, in one run, begin like a card (see hasCardPrefix:
 *     bare runs of that length are mostly order numbers) → last 4 kept.
 *   A number in the same clause after 订单号/单号/运单号/快递单号/物流单号/order no./tracking no.
 *   (and no 电话/手机/身份证/卡号 in between) is never masked.
 * - Emails: first character + *** + @domain: z***@qq.com.
 * - Addresses follow the platform address form (所在地区 + 详细地址): the region — province
 *   (省/自治区), city (市/州/地区/盟) and district or county (区/县/旗/县级市) — is kept; the detail
 *   (街道/路/小区/号/栋/单元/室 …) becomes one "[地址]". After a cue (地址, 寄到, 送到, 发到, 寄往,
 *   住在, 住址, 家住) any region + detail is masked; without a cue only a numbered street
 *   (文三路199号) or a building, unit or room number with one more part (阳光小区3栋, 3栋501) is,
 *   so "11号到货", "2号楼下面" and "3室2厅" stay. English street addresses are not recognised.
 * - Names after 收件人/收货人/寄件人/姓名 (a common surname + 1–3 characters) → 张**. They are
 *   counted with the addresses (the shipping details).
 * Masking masked text changes nothing.
 */

/** How many items of each kind one text had masked. */
export type TMaskCounts = { phone: number; idCard: number; email: number; address: number; bankCard: number };

export type TMaskResult = {
  /** The masked text; the very string given when nothing was masked. */
  text: string;
  counts: TMaskCounts;
};

/** The text that replaces an address detail. */
const ADDRESS_MASK = '[地址]';
/** Latest plausible birth year on an ID card (no clock in the engine; revisit in 2035). */
const MAX_BIRTH_YEAR = 2039;
/** How far back (UTF-16 units) a cue such as 订单号 or 身份证 still governs a number. */
const CUE_REACH = 32;
/** Most digit groups read in one number token; a longer run is read as several tokens. */
const MAX_GROUPS = 32;

// ---------------------------------------------------------------------------------------
// Hints: cheap tests that decide which passes run at all.

/** Anything any pass could act on: a digit, an @, an address or name cue, a building unit. */
const ANY_HINT = /[0-9０-９@＠]|地址|寄到|送到|发到|寄往|住在|住址|家住|收件人|收货人|寄件人|姓名|栋|幢|单元/;
/** An address cue, or a number followed by an address unit. */
const ADDRESS_HINT = /地址|寄到|送到|发到|寄往|住在|住址|家住|[0-9０-９A-Za-z一二三四五六七八九十][ \u3000]?(?:号|栋|幢|单元|室|楼|层|弄|座|户)/;
const NAME_HINT = /收件人|收货人|寄件人|姓名/;
const AT_HINT = /[@＠]/;

// ---------------------------------------------------------------------------------------
// Addresses.

/**
 * Function words and verbs that do not occur in place names, so a name read leftwards stops at
 * one ("我家在阳光小区" → 阳光小区). Characters of real names stay out: 都 (成都), 哈 (哈尔滨),
 * 放/改 (解放路, 改革路), 那 (那曲), 个 (个旧), 可 (可克达拉).
 */
const PLACE_STOP_CHARS = '我你他她它们的了在是到住要给寄送把请帮吗呢吧啊哦嗯呀就还也去说这有没不想能以快递址填写';
const HAN_PLACE = `[${hanRangesWithout(PLACE_STOP_CHARS)}]`;
const LATIN = 'A-Za-zＡ-Ｚａ-ｚ';
const DIGIT = '0-9０-９';
const SPACE = '[ \\u3000]?';
const ADDRESS_CUE = `(?:(?<!\\[)地址|寄到|送到|发到|寄往|住在|住址|家住)(?:是|为|在|改成|改为|换成|改到)?[:：]?${SPACE}`;
/** Province, city, district; each may be followed by a space ("浙江省 杭州市 西湖区", as copied from an order). */
const REGION =
  `(?:${HAN_PLACE}{2,6}?(?:省|自治区|特别行政区)${SPACE})?` +
  `(?:${HAN_PLACE}{1,6}?(?:(?<!超)市|自治州|地区|盟)${SPACE})?` +
  `(?:${HAN_PLACE}{1,6}?(?:(?<!小)区|县|旗|(?<!超)市)${SPACE})?`;
/** A named place: 文三路, 阳光小区, 浙大科技园. */
const PLACE_UNITS = '街道|大街|大道|胡同|小区|花园|家园|公寓|大厦|大楼|广场|中心|社区|新村|公馆|校区|驿站|镇|乡|村|屯|庄|路|街|巷|弄|苑|园|城|府|湾|坊|院';
const NAMED_PLACE = `[${HAN_PLACE.slice(1, -1)}${LATIN}${DIGIT}]{1,10}?(?:${PLACE_UNITS})`;
/** A numbered unit: 199号, 3栋, 2单元, 501室, A座, 三单元, 四段 (of a road), 12号铺. */
const NUMBERED_UNIT = `(?:[${LATIN}]?[${DIGIT}]{1,6}|[${LATIN}]|[一二三四五六七八九十]{1,3})${SPACE}(?:号楼|号院|号|栋|幢|座|单元|楼|层|室|户|组|期|区|弄|排|段|铺|档|门)`;
/** Bare trailing numbers: the 501 of 3栋501, the 6-2-301 shorthand. */
const BARE_NUMBER = `[${DIGIT}]{1,5}(?:[-－][${DIGIT}]{1,5})*(?![${DIGIT}])`;
/** A building or block name right before its numbered unit: the 太古汇 of 太古汇一座, the 附 of 附3号. */
const NAME_BEFORE_UNIT = `[${HAN_PLACE.slice(1, -1)}${LATIN}]{1,10}?(?=${SPACE}${NUMBERED_UNIT})`;
const PLACE_PART = `(?:${NUMBERED_UNIT}|${NAMED_PLACE}|${NAME_BEFORE_UNIT})`;
const ADDRESS_DETAIL = `${PLACE_PART}(?:${SPACE}(?:${PLACE_PART}|${BARE_NUMBER}))*`;
/** Groups: 1 cue (absent without one), 2 region, 3 detail. */
const ADDRESS_RE = new RegExp(`(${ADDRESS_CUE})?(${REGION})(${ADDRESS_DETAIL})`, 'g');
/** A numbered street: 文三路199号, 100弄. */
const NUMBERED_STREET = new RegExp(`(?:路|街|大道|巷|弄|胡同|村)${SPACE}[${DIGIT}]+${SPACE}(?:号|弄)`);
/** A building, unit or room number: 3栋, 2单元, 5号楼, 501室 (a room needs 3 digits: "3室2厅" is a flat's layout). */
const BUILDING_NUMBER = new RegExp(`[${DIGIT}]+${SPACE}(?:栋|幢|单元|号楼|号院)|[${DIGIT}]{3,}${SPACE}(?:室|户)`);
/** The parts of a detail: numbers, lettered blocks (A座) and named places. */
const DETAIL_PART = new RegExp(`[${DIGIT}]+|[${LATIN}](?=${SPACE}(?:座|栋|幢|区))|${PLACE_UNITS}`, 'g');

/**
 * True when an address detail found without a cue is specific enough to mask: a numbered
 * street, or a building/unit/room number with at least one more part (阳光小区3栋, 3栋501).
 * A lone "3栋" or "2号楼" is kept.
 * @param detail the detail part of an address match
 */
function isStandaloneAddress(detail: string): boolean {
  if (NUMBERED_STREET.test(detail)) return true;
  if (!BUILDING_NUMBER.test(detail)) return false;
  DETAIL_PART.lastIndex = 0;
  let parts = 0;
  while (DETAIL_PART.exec(detail) !== null) parts += 1;
  return parts >= 2;
}

/**
 * Replaces each address detail by [地址], keeping the cue and the region.
 * @param text the message
 * @param counts incremented per address masked
 * @returns the text with addresses masked
 */
function maskAddresses(text: string, counts: TMaskCounts): string {
  return text.replace(ADDRESS_RE, (whole: string, cue: string | undefined, region: string, detail: string) => {
    if (cue === undefined && !isStandaloneAddress(detail)) return whole;
    counts.address += 1;
    return `${cue ?? ''}${region}${ADDRESS_MASK}`;
  });
}

// ---------------------------------------------------------------------------------------
// Names.

/**
 * Common Chinese surnames (about 97% of the population). Characters that are mostly
 * function words (和, 于, 时, 都, 那 …) are left out so "姓名和电话" masks nothing.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸慕危玉银亢嵇湛宾戎勾茅揭尉冶斯束檀衣展阴昝智幸奉植衡富尧闭于';
const COMPOUND_SURNAMES = '欧阳|司马|诸葛|上官|东方|慕容|令狐|皇甫|尉迟|公孙|夏侯|长孙|宇文|司徒|端木|独孤|南宫|西门|轩辕|澹台';
/** Words that end a name: the next field of the shipping block, a title, a particle. */
const NAME_END = '电话|手机|联系|地址|收货|收件|身份|邮箱|先生|女士|小姐|同学|老师|[的是在了吗呢吧啊呀哦嗯和或及]';
/** Groups: 1 cue with its connector, 2 surname, 3 given name. */
const NAME_RE = new RegExp(
  `((?:收件人|收货人|寄件人|姓名)[:：]?${SPACE}(?:是|为|叫|改成|改为|换成)?[:：]?${SPACE})(${COMPOUND_SURNAMES}|[${SURNAMES}])((?:(?!${NAME_END})[\\u4e00-\\u9fff]){1,3})`,
  'g',
);

/**
 * Masks a recipient's name after 收件人/收货人/寄件人/姓名, keeping the first character: 张**.
 * @param text the message
 * @param counts `address` incremented per name (names are part of the shipping details)
 * @returns the text with names masked
 */
function maskNames(text: string, counts: TMaskCounts): string {
  return text.replace(NAME_RE, (_whole: string, cue: string, surname: string) => {
    counts.address += 1;
    return `${cue}${surname.charAt(0)}**`;
  });
}

// ---------------------------------------------------------------------------------------
// Emails.

/** The lookbehind makes the regex try a local part only at its start: linear time. Groups: 1 first character, 2 domain. */
const EMAIL_RE = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*[@＠]((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})/g;

/**
 * Masks emails as first character + *** + @domain.
 * @param text the message
 * @param counts incremented per email
 * @returns the text with emails masked
 */
function maskEmails(text: string, counts: TMaskCounts): string {
  return text.replace(EMAIL_RE, (_whole: string, first: string, domain: string) => {
    counts.email += 1;
    return `${first}***@${domain}`;
  });
}

// ---------------------------------------------------------------------------------------
// Numbers.

const ORDER_CUE = /(?:订单|运单)(?:编号|号码|号)?|(?:快递单|物流单|退货单|退款单|售后单|工单|快递|物流|包裹|交易|流水|支付)(?:编号|号码|号)|单号|order\s*(?:no\b\.?|number|num\b|id\b|#)|tracking\s*(?:no\b\.?|number|id\b|#)|waybill|awb\b/gi;
/** Words that put a personal number after an order cue in the same clause. */
const PERSONAL_CUE = /电话|手机|联系方式|身份证|证件|银行卡|卡号|tel\b|phone|mobile|id\s*card/gi;
const ID_CUE = /身份证|证件号|id\s*(?:card|no\b)/i;
const BANK_CUE = /银行卡|卡号|储蓄卡|信用卡|借记卡|card\s*(?:no\b|number)/i;
const CUE_ORDER = 1;
const CUE_ID = 2;
const CUE_BANK = 4;

/** First two digits of a resident ID: the province (GB/T 2260), 71 Taiwan, 81–83 HK/Macau/Taiwan residence permits. */
const ID_PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
const MOBILE_LAYOUTS = new Set(['11', '3-4-4', '3-8', '7-4', '4-3-4']);

const KIND_PHONE = 1;
const KIND_ID = 2;
const KIND_BANK = 3;

/** Start and end of each digit group of the token being read (reused: masking is synchronous). */
const groupStart = new Int32Array(MAX_GROUPS);
const groupEnd = new Int32Array(MAX_GROUPS);

/** A masking decision for a run of digits: which digit indexes become *. */
type TNumberMask = { kind: number; maskFrom: number; maskTo: number };

function isDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

function isLatinCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

/** One space or a dash joins digit groups of one number. */
function isJoinerCode(code: number): boolean {
  return code === 32 || code === 45 || code === 0xff0d || code === 0x3000;
}

/** Characters that end a clause: a cue before one does not reach past it. */
function isClauseEndCode(code: number): boolean {
  return code === 0x3002 || code === 0xff0c || code === 44 || code === 0xff01 || code === 33 || code === 0xff1f || code === 63 || code === 0xff1b || code === 59 || code === 10 || code === 13;
}

/**
 * The digits of text[from, to) as ASCII, separators dropped.
 * @param text the message
 * @param from first index
 * @param to end index (exclusive)
 * @returns a string of 0–9
 */
function digitsOf(text: string, from: number, to: number): string {
  let digits = '';
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += text[i];
    else if (code >= 0xff10 && code <= 0xff19) digits += String.fromCharCode(code - 0xff10 + 48);
  }
  return digits;
}

/**
 * The cues governing a number that starts at `start`: those in its clause, at most CUE_REACH back.
 * @param text the message
 * @param start index of the number's first digit
 * @returns bit flags CUE_ORDER (an order cue not followed by a personal cue), CUE_ID, CUE_BANK
 */
function cuesBefore(text: string, start: number): number {
  const limit = Math.max(0, start - CUE_REACH);
  let from = start;
  while (from > limit && !isClauseEndCode(text.charCodeAt(from - 1))) from -= 1;
  if (from === start) return 0;
  const clause = text.slice(from, start);
  let flags = 0;
  if (lastMatchIndex(ORDER_CUE, clause) > lastMatchIndex(PERSONAL_CUE, clause)) flags |= CUE_ORDER;
  if (ID_CUE.test(clause)) flags |= CUE_ID;
  if (BANK_CUE.test(clause)) flags |= CUE_BANK;
  return flags;
}

/**
 * Index of the last match of a global regex in a short text.
 * @param re a regex with the g flag
 * @param text where to look
 * @returns the index, -1 when none
 */
function lastMatchIndex(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let last = -1;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) last = match.index;
  return last;
}

/**
 * True for an ID number: real province, a birth date that exists, and the check character
 * (or a 身份证 cue, which also admits 15-digit cards).
 * @param digits the digits (17 when the X is separate)
 * @param checkChar the 18th character: X when written, else the last digit
 * @param hasCue whether 身份证/证件号 precedes
 */
function isIdCard(digits: string, checkChar: string, hasCue: boolean): boolean {
  const full = digits.length === 17 ? digits : digits.slice(0, -1);
  if (!ID_PROVINCES.has(Number(digits.slice(0, 2)))) return false;
  if (digits.length === 15) return hasCue && isPlausibleDate(1900 + Number(digits.slice(6, 8)), Number(digits.slice(8, 10)), Number(digits.slice(10, 12)));
  if (!isPlausibleDate(Number(full.slice(6, 10)), Number(full.slice(10, 12)), Number(full.slice(12, 14)))) return false;
  if (hasCue) return true;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (full.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11] === checkChar.toUpperCase();
}

function isPlausibleDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > MAX_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (isLeap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i -= 1, double = !double) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

/**
 * True when a number written in one run begins like a bank card. Bare 16–19 digit runs are
 * mostly order numbers (Taobao and Douyin use 18–19 digits), and one in ten passes Luhn by
 * chance, so the prefixes are narrow: 16 digits — UnionPay 62/60, Visa 4, Mastercard 51–55
 * and 2221–2720, JCB 35 (credit cards); 17–19 digits — UnionPay 62/60 and the old domestic
 * 95xx debit cards. Card numbers written in groups of four, or after 银行卡/卡号, need no prefix.
 * @param digits 16–19 digits
 */
function hasCardPrefix(digits: string): boolean {
  const two = Number(digits.slice(0, 2));
  if (two === 62 || two === 60) return true;
  if (digits.length > 16) return two === 95;
  const four = Number(digits.slice(0, 4));
  return (two >= 40 && two <= 49) || (two >= 51 && two <= 55) || two === 35 || (four >= 2221 && four <= 2720);
}

/**
 * Decides what a run of digit groups is.
 * @param digits the groups' digits joined
 * @param layout group lengths joined by "-" ("3-4-4")
 * @param lengths the group lengths
 * @param xChar the X after the last group ('' when none)
 * @param cues flags from cuesBefore
 * @returns the mask to apply, or undefined to keep the digits
 */
function numberMaskFor(digits: string, lengths: readonly number[], xChar: string, cues: number): TNumberMask | undefined {
  const total = digits.length;
  const layout = lengths.join('-');
  if (xChar === '') {
    // Mobile, with an optional 86 / 0086 group or prefix.
    const prefix = total === 13 && digits.startsWith('86') ? 2 : total === 15 && digits.startsWith('0086') ? 4 : 0;
    const restLayout = prefix > 0 && lengths[0] === prefix ? lengths.slice(1).join('-') : prefix > 0 ? `${lengths[0]! - prefix}${layout.slice(String(lengths[0]).length)}` : layout;
    if (total - prefix === 11 && digits.charCodeAt(prefix) === 49 && digits.charCodeAt(prefix + 1) >= 51 && (MOBILE_LAYOUTS.has(restLayout) || lengths.every((length) => length === 1))) {
      return { kind: KIND_PHONE, maskFrom: prefix + 3, maskTo: prefix + 7 };
    }
    // Landline: 010 / 02x + 8 digits, 0[3-9]xx + 7–8 digits.
    if (digits.charCodeAt(0) === 48 && (total === 11 || total === 12)) {
      const area = digits.startsWith('010') || digits.startsWith('02') ? 3 : digits.charCodeAt(1) >= 51 ? 4 : 0;
      const subscriber = total - area;
      if (area > 0 && (area === 3 ? subscriber === 8 : subscriber === 7 || subscriber === 8) && (lengths.length === 1 || lengths[0] === area)) {
        return { kind: KIND_PHONE, maskFrom: area, maskTo: total };
      }
    }
  }
  // ID card: 18 characters as one run or 6-8-4; 15 digits as one run or 6-6-3.
  const idLength = total + (xChar === '' ? 0 : 1);
  if (idLength === 18 && (lengths.length === 1 || layout === (xChar === '' ? '6-8-4' : '6-8-3'))) {
    if (isIdCard(digits, xChar === '' ? digits.charAt(17) : xChar, (cues & CUE_ID) !== 0)) return { kind: KIND_ID, maskFrom: 3, maskTo: 14 };
  } else if (idLength === 15 && xChar === '' && (lengths.length === 1 || layout === '6-6-3')) {
    if (isIdCard(digits, '', (cues & CUE_ID) !== 0)) return { kind: KIND_ID, maskFrom: 3, maskTo: 11 };
  }
  // Bank card: 16–19 digits, one run or groups of 4.
  if (xChar === '' && total >= 16 && total <= 19) {
    const isInFours = lengths.length > 1 && lengths.every((length, i) => (i < lengths.length - 1 ? length === 4 : length <= 4));
    const isCardLike = (cues & CUE_BANK) !== 0 || (isLuhnValid(digits) && (isInFours || (lengths.length === 1 && hasCardPrefix(digits))));
    if ((lengths.length === 1 || isInFours) && isCardLike) return { kind: KIND_BANK, maskFrom: 0, maskTo: total - 4 };
  }
  return undefined;
}

/**
 * True when text[start] begins a 7–8 digit subscriber number after "(0571)" or "（010）".
 * @param text the message
 * @param start first digit of the number
 */
function followsParenAreaCode(text: string, start: number): boolean {
  let at = start - 1;
  if (at >= 0 && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 0x3000)) at -= 1;
  const close = text.charCodeAt(at);
  if (close !== 41 && close !== 0xff09) return false;
  let from = at;
  while (from > 0 && isDigitCode(text.charCodeAt(from - 1))) from -= 1;
  const open = text.charCodeAt(from - 1);
  const area = digitsOf(text, from, at);
  return (open === 40 || open === 0xff08) && area.length >= 3 && area.length <= 4 && area.charCodeAt(0) === 48;
}

/**
 * Text of text[from, to) with the digits whose index (counted from `from`) lies in [maskFrom, maskTo) as *.
 */
function maskDigits(text: string, from: number, to: number, maskFrom: number, maskTo: number): string {
  let out = '';
  let index = 0;
  for (let i = from; i < to; i += 1) {
    if (isDigitCode(text.charCodeAt(i))) {
      out += index >= maskFrom && index < maskTo ? '*' : text[i];
      index += 1;
    } else out += text[i];
  }
  return out;
}

/**
 * Reads every number token once, left to right, and masks phones, ID cards and bank cards.
 * Tokens under 11 digits (prices, dates, times, quantities) cost a character scan and nothing else.
 * @param text the message
 * @param counts incremented per item masked
 * @returns the text with personal numbers masked
 */
function maskNumbers(text: string, counts: TMaskCounts): string {
  const length = text.length;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < length) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const isGlued = i > 0 && isLatinCode(text.charCodeAt(i - 1));
    let groups = 0;
    let digitCount = 0;
    let j = i;
    for (;;) {
      const from = j;
      while (j < length && isDigitCode(text.charCodeAt(j))) j += 1;
      groupStart[groups] = from;
      groupEnd[groups] = j;
      groups += 1;
      digitCount += j - from;
      if (groups === MAX_GROUPS || j + 1 >= length || !isJoinerCode(text.charCodeAt(j)) || !isDigitCode(text.charCodeAt(j + 1))) break;
      j += 1;
    }
    const xChar = j < length && (text.charCodeAt(j) | 32) === 120 ? text[j]! : '';
    i = j;
    if (isGlued) continue;
    if (digitCount < 11) {
      if (groups <= 2 && digitCount >= 7 && digitCount <= 8 && followsParenAreaCode(text, groupStart[0]!)) {
        if ((cuesBefore(text, groupStart[0]!) & CUE_ORDER) !== 0) continue;
        out += text.slice(copied, groupStart[0]) + maskDigits(text, groupStart[0]!, groupEnd[groups - 1]!, 0, digitCount);
        copied = groupEnd[groups - 1]!;
        counts.phone += 1;
      }
      continue;
    }
    const cues = cuesBefore(text, groupStart[0]!);
    if ((cues & CUE_ORDER) !== 0) continue;
    // Digits and offsets of the token's groups, then the longest run of groups that is personal data.
    const digits = digitsOf(text, groupStart[0]!, groupEnd[groups - 1]!);
    const offsets: number[] = [0];
    for (let g = 0; g < groups; g += 1) offsets.push(offsets[g]! + groupEnd[g]! - groupStart[g]!);
    for (let a = 0; a < groups; a += 1) {
      let b = a + 1;
      while (b < groups && offsets[b + 1]! - offsets[a]! <= 19) b += 1;
      for (; b > a; b -= 1) {
        const total = offsets[b]! - offsets[a]!;
        if (total < 11) break;
        if (total > 19) continue;
        const lengths: number[] = [];
        for (let g = a; g < b; g += 1) lengths.push(groupEnd[g]! - groupStart[g]!);
        const runDigits = digits.slice(offsets[a], offsets[b]);
        // An X after the last group is read as an ID check character first, then left alone.
        let mask = b === groups && xChar !== '' ? numberMaskFor(runDigits, lengths, xChar, cues) : undefined;
        mask ??= numberMaskFor(runDigits, lengths, '', cues);
        if (mask === undefined) continue;
        out += text.slice(copied, groupStart[a]) + maskDigits(text, groupStart[a]!, groupEnd[b - 1]!, mask.maskFrom, mask.maskTo);
        copied = groupEnd[b - 1]!;
        if (mask.kind === KIND_PHONE) counts.phone += 1;
        else if (mask.kind === KIND_ID) counts.idCard += 1;
        else counts.bankCard += 1;
        a = b - 1;
        break;
      }
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

// ---------------------------------------------------------------------------------------

/**
 * Masks personal data in one chat message: phones (138****5678), landlines (0571-********),
 * ID cards (110***********1234), bank cards (keep last 4), emails (z***@qq.com), address
 * details (浙江省杭州市西湖区[地址]) and recipient names (张**). Order and tracking numbers,
 * prices, dates, times and quantities are kept; masking a masked text changes nothing.
 * @param text one message as imported
 * @returns the masked text (the same string when nothing was found) and how many items of each kind were masked
 */
export function maskPersonalData(text: string): TMaskResult {
  if (typeof text !== 'string') throw new TypeError(`@calmdesk/engine: maskPersonalData expects a string, instead found "${typeof text}".`);
  const counts: TMaskCounts = { phone: 0, idCard: 0, email: 0, address: 0, bankCard: 0 };
  if (!ANY_HINT.test(text)) return { text, counts };
  let masked = text;
  if (ADDRESS_HINT.test(masked)) masked = maskAddresses(masked, counts);
  if (NAME_HINT.test(masked)) masked = maskNames(masked, counts);
  if (AT_HINT.test(masked)) masked = maskEmails(masked, counts);
  masked = maskNumbers(masked, counts);
  return { text: masked, counts };
}

/**
 * Character-class ranges of the CJK Unified Ideographs block without the given characters.
 * @param excluded characters to leave out
 * @returns the inside of a regex character class
 */
function hanRangesWithout(excluded: string): string {
  const codes = [...new Set(Array.from(excluded, (ch) => ch.charCodeAt(0)))].sort((x, y) => x - y);
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  let body = '';
  let from = 0x4e00;
  for (const code of codes) {
    if (code > from) body += code - 1 === from ? hex(from) : `${hex(from)}-${hex(code - 1)}`;
    from = code + 1;
  }
  return body + `${hex(from)}-${hex(0x9fff)}`;
}
