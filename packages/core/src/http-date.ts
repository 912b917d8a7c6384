const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
const IMF_FIXDATE = new RegExp(
  `^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (${MONTH}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`,
);
const RFC_850 = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-(${MONTH})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`,
);
const ASCTIME = new RegExp(
  `^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${MONTH}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`,
);

/**
 * Parses an HTTP-date in any of its three forms (RFC 9110 §5.6.7): IMF-fixdate
 * (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form
 * (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`),
 * all in GMT. Returns epoch milliseconds, or `undefined` when `text` is none of them.
 */
export function parseHttpDate(text: string, now: number = Date.now()): number | undefined {
  const imf = IMF_FIXDATE.exec(text);
  if (imf) {
    return toEpoch({
      year: imf[3],
      month: imf[2],
      day: imf[1],
      hour: imf[4],
      minute: imf[5],
      second: imf[6],
    });
  }
  const rfc850 = RFC_850.exec(text);
  if (rfc850) {
    const year = expandTwoDigitYear(Number(rfc850[3]), now);
    const [, day, month, , hour, minute, second] = rfc850;
    return toEpoch({ year: String(year), month, day, hour, minute, second });
  }
  const asctime = ASCTIME.exec(text);
  if (asctime) {
    const [, month, day, hour, minute, second, year] = asctime;
    return toEpoch({ year, month, day, hour, minute, second });
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

type DateParts = Record<
  'year' | 'month' | 'day' | 'hour' | 'minute' | 'second',
  string | undefined
>;

/**
 * Epoch milliseconds of a GMT date, or `undefined` when a part is out of range (31 Feb, 25:00).
 * The patterns admit only listed months and two-digit fields; `Date.UTC` rolls a day or an
 * hour past its range into another day, which the last check catches.
 */
function toEpoch(parts: DateParts): number | undefined {
  const [year, day, hour, minute, second] = [
    parts.year,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  ].map(Number) as [number, number, number, number, number];
  if (minute > 59 || second > 60) return undefined;
  const epoch = Date.UTC(year, MONTHS.indexOf(parts.month as string), day, hour, minute, second);
  return new Date(epoch).getUTCDate() === day ? epoch : undefined;
}
