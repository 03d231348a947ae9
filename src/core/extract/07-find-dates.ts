/**
 * Pass 7: dates.
 *
 * Finds absolute temporal expressions in the normalised text (NFKC: digits and parentheses are ASCII) and
 * normalises them to YYYY, YYYY-MM or YYYY-MM-DD. Two global scans, one for Japanese forms and one for
 * English and numeric forms, each a single regex walked left to right; the only other work per match is a
 * sticky regex at its end for a range continuation. So the pass is linear in the text, whatever its size.
 *
 * A range gives one date per end (2022年から2023年, from 2015 to 2018); an end written without its year
 * takes the year (and month) of the other (2024年6月19日~21日, 2022年2月から3月上旬, June 12–13, 2018).
 *
 * What is NOT emitted, on purpose:
 * - a month or day without a year (9月9日, September 9, 同年6月, 翌月): the value needs a year, and finding it
 *   needs a reference date (or the anaphora resolved), which this pure pass does not have;
 * - relative times and durations (10年後, 20年前, 40年ぶり, 3年間, 10 years, two decades ago);
 * - numbers that only look like years: counts (2023人, 2000 troops), model and event names (ADEX-2023,
 *   Type 2023), a bare 2024 in English text without a word that makes it a year (in, since, by, …);
 * - slashed day-first or month-first dates (9/9/2025), whose order cannot be told from the text.
 *
 * An impossible day (2023年2月30日, February 30, 2023) falls back to the month: the month is what the text
 * states reliably. In Japanese the day then falls outside the span, since it comes last.
 */

export interface FoundDate {
  /** Half-open UTF-16 range into the normalised text. */
  start: number;
  end: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  /** A fuzzy expression: 頃, 上旬, 末, early …, a fiscal year, a decade. */
  approx: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Japanese

/** First year of each era, minus one: 令和元年 = 2019. */
const ERA_OFFSET: Record<string, number> = { 明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018 };

/** A month or day number: Arabic, or kanji (十二, 二十四, positional 二四). */
const JA_NUM = '(?:\\d{1,2}|[〇一二三四五六七八九十]{1,3})';
/** Qualifiers glued after a date; which ones make sense depends on the precision (see JA_QUALIFIERS). */
const JA_QUAL = '(?<qual>初め|初旬|上旬|中旬|下旬|初頭|半ば|前半|後半|前後|頃|ごろ|末|春|夏|秋|冬|代)?';
const JA_QUALIFIERS = {
  year: new Set(['初め', '初頭', '半ば', '前半', '後半', '前後', '頃', 'ごろ', '末', '春', '夏', '秋', '冬', '代']),
  month: new Set(['初め', '初旬', '上旬', '中旬', '下旬', '半ば', '前半', '後半', '頃', 'ごろ', '末']),
  day: new Set(['前後', '頃', 'ごろ']),
};

const JA_DATE = new RegExp(
  // Not the tail of a longer figure (1,2019年, 3.2019年) nor of a Latin name (ADEX-2023年).
  '(?<![\\d.,/]|[A-Za-z]-)' +
    '(?:' +
    '(?<era>令和|平成|昭和|大正|明治) ?(?<eraYear>元|\\d{1,2}|[一二三四五六七八九十]{1,3})' +
    // A footnote marker may be glued in front of the year (…である」52023年); it stays out of the span.
    '|(?<glue>\\d{1,2}(?=(?:1[89]|2[01])\\d\\d ?年))?(?<year>(?:1[89]|2[01])\\d\\d)' +
    '(?:(?<rangeSep> ?[~〜\\-–—] ?)(?<rangeEnd>\\d{4}|\\d{2}))?' +
    '|(?<kanjiYear>[〇一二三四五六七八九]{4})' +
    ')' +
    ' ?年' +
    '(?:(?<fiscal>度)' +
    `|(?: ?(?<month>${JA_NUM}) ?月(?: ?(?<day>${JA_NUM}) ?日(?<weekday> ?\\((?:[月火水木金土日]|祝)(?:曜日?)?\\))?)?)?` +
    JA_QUAL +
    ')',
  'g',
);

/** A second month or day sharing the year of the date before it: 2022年2月から3月, 6月19日~21日. */
const JA_CONTINUATION = new RegExp(
  ` ?(?:から|~|〜|[\\-–—]) ?(?:(?<month>${JA_NUM}) ?月(?: ?(?<day>${JA_NUM}) ?日)?|(?<dayOnly>${JA_NUM}) ?日)${JA_QUAL}`,
  'y',
);

/** After a bare year these make it a duration or a relative time (40年ぶり, 2000年後, 1000年間). */
const JA_DURATION_AFTER = /^(?:ぶり|振り|後|前|間|以上|以内|余|近く|超|分|目)/;
/** Before a year these make it a count of years (約2000年, 過去1000年). */
const JA_DURATION_BEFORE = /(?:約|およそ|過去|計|第)$/;
/** After a month or a day these make it a count (3日間, 3月分). */
const JA_COUNT_AFTER = /^(?:間|後|前|ぶり|分)/;

const KANJI_DIGIT: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads 12, 十二, 二十四, 三十一, 二〇二五 (positional), 元 (= 1). NaN when it is none of those. */
function readNumber(s: string): number {
  if (s === '元') return 1;
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten >= 0) {
    const head = s.slice(0, ten);
    const tail = s.slice(ten + 1);
    if (head.length > 1 || tail.length > 1 || tail === '十') return NaN;
    const tens = head ? KANJI_DIGIT[head] : 1;
    const units = tail ? KANJI_DIGIT[tail] : 0;
    return tens === undefined || units === undefined || tens === 0 ? NaN : tens * 10 + units;
  }
  let n = 0;
  for (const ch of s) {
    const d = KANJI_DIGIT[ch];
    if (d === undefined) return NaN;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const isMonth = (m: number): boolean => Number.isInteger(m) && m >= 1 && m <= 12;

/** How far after a Japanese date's start its 年 can stand: 13 code units (52022 ~ 2023) and a space. */
const YEAR_MARK_REACH = 14;

/**
 * JA_DATE's next match, tried only from where the next 年 could belong to one: the pattern alone is tried at every
 * position of the text (most of which are no date), and every date has a 年 at most YEAR_MARK_REACH after its start.
 */
function nextJapaneseDate(text: string): RegExpExecArray | null {
  const year = text.indexOf('年', JA_DATE.lastIndex);
  if (year < 0) return null;
  JA_DATE.lastIndex = Math.max(JA_DATE.lastIndex, year - YEAR_MARK_REACH);
  return JA_DATE.exec(text);
}

function scanJapanese(text: string, out: FoundDate[]): void {
  JA_DATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = nextJapaneseDate(text))) {
    const g = m.groups!;
    const matchEnd = m.index + m[0].length;
    let start = m.index;
    let year: number;
    if (g.era) {
      year = ERA_OFFSET[g.era]! + readNumber(g.eraYear!);
    } else if (g.kanjiYear) {
      year = readNumber(g.kanjiYear);
      if (year < 1800 || year > 2199) continue;
    } else {
      if (g.glue) {
        // Only a marker after Japanese text or a closing bracket is glued; anything else is one long number.
        if (!/[\u3000-\u30ff\u4e00-\u9fff」』)]/.test(text[start - 1] ?? '')) continue;
        start += g.glue.length;
      }
      year = Number(g.year);
      if (g.rangeEnd) {
        // 2022~2023年 / 2022-23年: the first year stands alone, the second carries the rest of the match.
        let end = Number(g.rangeEnd);
        if (g.rangeEnd.length === 2) end += year - (year % 100);
        if (end <= year) continue;
        out.push({ start, end: start + 4, value: String(year), approx: !!g.fiscal });
        start += 4 + g.rangeSep!.length;
        year = end;
      }
    }
    if (!Number.isFinite(year) || year < 1) continue;
    if (JA_DURATION_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;

    if (g.fiscal) {
      out.push({ start, end: matchEnd, value: String(year), approx: true });
      continue;
    }
    // Where each precision level ends, to shorten the span when a finer part is invalid or absent.
    const yearEnd = text.indexOf('年', start) + 1;
    const qual = g.qual;
    const qualStart = qual ? matchEnd - qual.length : matchEnd;
    const month = g.month ? readNumber(g.month) : NaN;
    const day = g.day ? readNumber(g.day) : NaN;

    if (g.month && isMonth(month)) {
      const monthEnd = text.indexOf('月', yearEnd) + 1;
      const ym = `${year}-${pad2(month)}`;
      if (g.day && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)) {
        const dayEnd = qualStart;
        if (JA_COUNT_AFTER.test(text.slice(dayEnd, dayEnd + 2)) && !qual) continue;
        const approx = !!qual && JA_QUALIFIERS.day.has(qual);
        const end = qual && !approx ? dayEnd : matchEnd;
        out.push({ start, end, value: `${ym}-${pad2(day)}`, approx });
        continueRange(text, end, year, month, out);
        continue;
      }
      if (g.day) {
        // An impossible day: keep the month, leave the day out of the span.
        out.push({ start, end: monthEnd, value: ym, approx: false });
        continue;
      }
      if (!qual && JA_COUNT_AFTER.test(text.slice(monthEnd, monthEnd + 2))) continue;
      const approx = !!qual && JA_QUALIFIERS.month.has(qual);
      const end = qual && !approx ? monthEnd : matchEnd;
      out.push({ start, end, value: ym, approx });
      continueRange(text, end, year, null, out);
      continue;
    }
    if (g.month) {
      // 2023年13月: not a month; the year still stands.
      out.push({ start, end: yearEnd, value: String(year), approx: false });
      continue;
    }
    const approx = !!qual && JA_QUALIFIERS.year.has(qual);
    if (!approx && JA_DURATION_AFTER.test(text.slice(yearEnd, yearEnd + 2))) continue;
    out.push({ start, end: approx ? matchEnd : yearEnd, value: String(year), approx });
  }
}

/**
 * After a full date, a connector and a bare month or day (2024年6月19日~21日, 2022年2月から3月上旬) give a
 * second date in the same year. `month` is null when the first date had no day: then only a month may follow.
 */
function continueRange(text: string, from: number, year: number, month: number | null, out: FoundDate[]): void {
  JA_CONTINUATION.lastIndex = from;
  const m = JA_CONTINUATION.exec(text);
  if (!m) return;
  const g = m.groups!;
  const end = m.index + m[0].length;
  const qual = g.qual;
  const bodyEnd = qual ? end - qual.length : end;
  if (!qual && JA_COUNT_AFTER.test(text.slice(bodyEnd, bodyEnd + 2))) return;
  let sep = from;
  while (sep < end && !/[\d〇一二三四五六七八九十]/.test(text[sep]!)) sep++;
  let value: string;
  let approx = false;
  if (g.dayOnly) {
    const day = readNumber(g.dayOnly);
    if (month === null || !(day >= 1 && day <= daysInMonth(year, month))) return;
    value = `${year}-${pad2(month)}-${pad2(day)}`;
    approx = !!qual && JA_QUALIFIERS.day.has(qual);
  } else {
    const m2 = readNumber(g.month!);
    if (!isMonth(m2)) return;
    if (g.day) {
      const day = readNumber(g.day);
      if (!(day >= 1 && day <= daysInMonth(year, m2))) return;
      value = `${year}-${pad2(m2)}-${pad2(day)}`;
      approx = !!qual && JA_QUALIFIERS.day.has(qual);
    } else {
      value = `${year}-${pad2(m2)}`;
      approx = !!qual && JA_QUALIFIERS.month.has(qual);
    }
  }
  out.push({ start: sep, end: qual && !approx ? bodyEnd : end, value, approx });
  JA_DATE.lastIndex = Math.max(JA_DATE.lastIndex, end);
}

// ---------------------------------------------------------------------------------------------------------
// English and numeric

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
/** Capitalised month names only: "may" and "march" in lower case are verbs. */
const MONTH_NAME =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?(?![A-Za-z])';
/**
 * A year, not followed by what makes it part of another figure (2,0000, 2025/26, 2000-year, 2025-09-09,
 * 2025.9.9). A full stop and one to three digits may follow: that is a footnote marker after the sentence
 * (…before 2028.3 He added); a decimal quantity (2000.5 km) is caught by COUNT_AFTER.
 */
const YEAR_EN = '(?:19|20)\\d\\d(?!\\d|[,/]\\d|\\.\\d{1,3}[.\\-/]\\d|\\.\\d{4}|-[A-Za-z]|-\\d{1,2}-)';
const DAY_EN = '\\d{1,2}(?:st|nd|rd|th)?';
const DAY_RANGE = ' ?[-–—] ?';
/** Words that make a month or a year fuzzy; they belong to the span. */
const APPROX_MONTH = '(?:[Ee]arly|[Ll]ate|[Mm]id|(?:[Tt]he )?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle) of)';
const APPROX_YEAR =
  '(?:[Ee]arly|[Ll]ate|[Mm]id|(?:[Tt]he )?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle) of|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|[Aa]round|[Cc]irca|c\\.|ca\\.)(?: of)?';
/** Words before a bare number that show it is a year; they stay out of the span. */
const YEAR_CONTEXT =
  '(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Oo]f|[Dd]uring|[Bb]efore|[Aa]fter|[Tt]hrough(?:out)?|[Bb]etween|[Aa]s of|(?:[Tt]he )?[Yy]ear)';

const EN_DATE = new RegExp(
  '(?<![A-Za-z0-9])(?:' +
    // September 9, 2025 · early September 2025 (the day is optional for the second)
    // February 27–28, 2019 (a day range gives two dates)
    `(?:(?<mdyApprox>${APPROX_MONTH})(?:-| +))?(?<mdyMonth>${MONTH_NAME})(?: +(?<mdyDay>${DAY_EN})(?:${DAY_RANGE}(?<mdyDay2>${DAY_EN}))?(?![\\d:]))?,? +(?:of +)?(?<mdyYear>${YEAR_EN})` +
    // 9 September 2025 · 9th of September, 2025 · 27–28 February 2019
    `|(?<dmyDay>${DAY_EN})(?:${DAY_RANGE}(?<dmyDay2>${DAY_EN}))? +(?:of +)?(?<dmyMonth>${MONTH_NAME}),? +(?<dmyYear>${YEAR_EN})` +
    // 2025-09-09 · 2025/9/9 · 2025.9.9 (one separator throughout)
    '|(?<![.\\-/])(?<isoYear>(?:1[89]|2[01])\\d\\d)(?<isoSep>[-/.])(?<isoMonth>\\d{1,2})\\k<isoSep>(?<isoDay>\\d{1,2})(?![\\d]|[.\\-/]\\d)' +
    // FY2024 · fiscal year 2024
    `|(?:FY ?|[Ff]iscal (?:[Yy]ear )?)(?<fiscalYear>${YEAR_EN})` +
    // the 1990s
    `|[Tt]he (?<decade>(?:19|20)\\d0)s(?![A-Za-z])` +
    // early 2023 · mid-2023 · spring of 2023 · the early 2000s
    `|(?<yearApprox>${APPROX_YEAR})(?:-| +)(?:the )?(?<approxYear>${YEAR_EN})(?<approxDecade>s)?(?![A-Za-z])` +
    // in 2019 · since 2014 · the year 2019
    `|${YEAR_CONTEXT} +(?<contextYear>${YEAR_EN})(?![A-Za-z])` +
    ')',
  'g',
);

/** A number after which the "year" is a count: of 2000 troops, in 2000 km. General vocabulary of the genre. */
const COUNT_AFTER =
  /^(?:\.\d+)? *(?:%|percent|per\b|km\b|kilomet|kg\b|t\b|tons?\b|tonnes?\b|miles?\b|met(?:er|re)s?\b|feet\b|troops|soldiers|servicemen|people|persons|personnel|men\b|women\b|units?\b|times\b|rounds\b|shells\b|missiles\b|tanks\b|aircraft\b|vessels\b|ships\b|dollars|yen\b|rubles?\b|roubles?\b|won\b|euros?\b)/;

/** 2019 to 2022, 2019–2022, 2019 and 2020: a second bare year after one already found. */
const EN_CONTINUATION = new RegExp(` *(?:-|–|—|to|and|or|through|until) *(?<year>${YEAR_EN})(?![A-Za-z])`, 'y');

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()]!;
}

function scanEnglish(text: string, out: FoundDate[]): void {
  EN_DATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EN_DATE.exec(text))) {
    const g = m.groups!;
    const end = m.index + m[0].length;
    const start = m.index;
    if (g.mdyMonth || g.dmyMonth) {
      const year = Number(g.mdyYear ?? g.dmyYear);
      const month = monthNumber(g.mdyMonth ?? g.dmyMonth!);
      const dayText = g.mdyDay ?? g.dmyDay;
      const ym = `${year}-${pad2(month)}`;
      const day = dayText ? parseInt(dayText, 10) : NaN;
      const day2Text = g.mdyDay2 ?? g.dmyDay2;
      const isDay = (d: number): boolean => d >= 1 && d <= daysInMonth(year, month);
      if (day2Text && isDay(day) && isDay(parseInt(day2Text, 10)) && parseInt(day2Text, 10) > day) {
        // A day range: the first date is its day alone, the second carries the month and the year with it.
        const day2 = parseInt(day2Text, 10);
        const firstEnd = g.mdyDay ? text.indexOf(dayText!, start + g.mdyMonth!.length) + dayText!.length : start + dayText!.length;
        const secondStart = g.mdyDay ? text.indexOf(day2Text, firstEnd) : firstEnd + text.slice(firstEnd, end).search(/\d/);
        out.push({ start, end: firstEnd, value: `${ym}-${pad2(day)}`, approx: false });
        out.push({ start: secondStart, end, value: `${ym}-${pad2(day2)}`, approx: false });
      } else if (dayText && !day2Text && isDay(day)) {
        out.push({ start, end, value: `${ym}-${pad2(day)}`, approx: false });
      } else {
        // No day, or an impossible one (the span keeps it: it sits between the month and the year).
        out.push({ start, end, value: ym, approx: !!g.mdyApprox });
      }
    } else if (g.isoYear) {
      const year = Number(g.isoYear);
      const month = Number(g.isoMonth);
      const day = Number(g.isoDay);
      // A numeric triple that is no valid date is some other figure (a version, a reference number).
      if (!isMonth(month) || day < 1 || day > daysInMonth(year, month)) continue;
      out.push({ start, end, value: `${year}-${pad2(month)}-${pad2(day)}`, approx: false });
    } else if (g.fiscalYear) {
      out.push({ start, end, value: g.fiscalYear, approx: true });
    } else if (g.decade) {
      out.push({ start: end - g.decade.length - 1, end, value: g.decade, approx: true });
    } else if (g.approxYear) {
      if (COUNT_AFTER.test(text.slice(end, end + 12))) continue;
      const decade = !!g.approxDecade;
      if (decade && !g.approxYear.endsWith('0')) continue;
      out.push({ start, end, value: g.approxYear, approx: true });
      if (!decade) continueYears(text, end, out);
    } else if (g.contextYear) {
      if (COUNT_AFTER.test(text.slice(end, end + 12))) continue;
      out.push({ start: end - 4, end, value: g.contextYear, approx: false });
      continueYears(text, end, out);
    }
  }
}

function continueYears(text: string, from: number, out: FoundDate[]): void {
  EN_CONTINUATION.lastIndex = from;
  const m = EN_CONTINUATION.exec(text);
  if (!m) return;
  const end = m.index + m[0].length;
  if (COUNT_AFTER.test(text.slice(end, end + 12))) return;
  out.push({ start: end - 4, end, value: m.groups!.year!, approx: false });
  EN_DATE.lastIndex = Math.max(EN_DATE.lastIndex, end);
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Every absolute date in `text` (normalised), sorted by start, without overlaps.
 *
 * @example
 * findDates('2022年2月24日、ロシアは…') // [{ start: 0, end: 10, value: '2022-02-24', approx: false }]
 */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  scanJapanese(text, found);
  scanEnglish(text, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: FoundDate[] = [];
  let lastEnd = -1;
  for (const d of found) {
    if (d.start < lastEnd) continue;
    if (d.start < 0 || d.end <= d.start || d.end > text.length) {
      throw new RangeError(`date span [${d.start}, ${d.end}) is not a valid range into a text of length ${text.length}`);
    }
    out.push(d);
    lastEnd = d.end;
  }
  return out;
}

/** Forms that are a date only when they are the whole string (a title block's date line). */
const WHOLE_YEAR = /^((?:1[89]|2[01])\d\d)$/;
const WHOLE_YEAR_MONTH = /^((?:1[89]|2[01])\d\d)[-/.](\d{1,2})$/;

/**
 * Parses a whole string as one date (a title block's date line); null when it is not exactly one date.
 *
 * @example
 * parseDate('令和7年9月9日') // { value: '2025-09-09', approx: false }
 */
export function parseDate(expression: string): { value: string; approx: boolean } | null {
  const s = expression
    .normalize('NFKC')
    .trim()
    .replace(/^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? +/, '')
    .replace(/[。、,]$/, '')
    .trim();
  if (!s) return null;
  const found = findDates(s);
  if (found.length === 1 && found[0]!.start === 0 && found[0]!.end === s.length) {
    return { value: found[0]!.value, approx: found[0]!.approx };
  }
  let m = WHOLE_YEAR.exec(s);
  if (m) return { value: m[1]!, approx: false };
  m = WHOLE_YEAR_MONTH.exec(s);
  if (m && isMonth(Number(m[2]))) return { value: `${m[1]}-${pad2(Number(m[2]))}`, approx: false };
  // A trailing full stop may belong to the date (Sept.), so it is only dropped when the date needs it gone.
  if (s.endsWith('.')) return parseDate(s.slice(0, -1));
  return null;
}
