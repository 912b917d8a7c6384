const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The three forms of an HTTP-date, each naming its parts. */
const HTTP_DATE_FORMATS = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?<day>\d{2}) (?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) GMT$/,
  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<day>\d{2})-(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(?<shortYear>\d{2}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) GMT$/,
  // asctime: Sun Nov  6 08:49:37 1994
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<day>[ \d]\d) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}) (?<year>\d{4})$/,
];

/**
 * Parses an HTTP-date in any of its three forms (RFC 9110 §5.6.7): IMF-fixdate
 * (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
 * (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`),
 * all in GMT. Returns epoch milliseconds, or `undefined` when `text` is none of them.
 */
export function parseHttpDate(text: string, now: number = Date.now()): number | undefined {
  for (const format of HTTP_DATE_FORMATS) {
    const parts = format.exec(text)?.groups;
    if (parts !== undefined) return toEpoch(parts, now);
  }
  return undefined;
}

/** A two-digit year more than 50 years ahead means the most recent past year with those digits (RFC 9110). */
function expandTwoDigitYear(twoDigits: number, now: number): number {
  const currentYear = new Date(now).getUTCFullYear();
  let year = currentYear - (currentYear % 100) + twoDigits;
  if (year > currentYear + 50) year -= 100;
  return year;
}

/**
 * Epoch milliseconds of a GMT date, or `undefined` when a part is out of range (31 Feb, 25:00).
 * The patterns admit only listed months and two-digit fields; `Date.UTC` rolls a day or an
 * hour past its range into another day, which the last check catches.
 */
function toEpoch(parts: Record<string, string>, now: number): number | undefined {
  const [day, hour, minute, second] = [parts.day, parts.hour, parts.minute, parts.second].map(
    Number,
  ) as [number, number, number, number];
  if (minute > 59 || second > 60) return undefined;
  const year =
    parts.year === undefined
      ? expandTwoDigitYear(Number(parts.shortYear), now)
      : Number(parts.year);
  const epoch = Date.UTC(year, MONTHS.indexOf(parts.month as string), day, hour, minute, second);
  return new Date(epoch).getUTCDate() === day ? epoch : undefined;
}
