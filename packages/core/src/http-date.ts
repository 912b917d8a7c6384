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
  if (imf) return toEpoch(imf[3], imf[2], imf[1], imf[4], imf[5], imf[6]);
  const rfc850 = RFC_850.exec(text);
  if (rfc850) {
    const year = expandTwoDigitYear(Number(rfc850[3]), now);
    return toEpoch(String(year), rfc850[2], rfc850[1], rfc850[4], rfc850[5], rfc850[6]);
  }
  const asctime = ASCTIME.exec(text);
  if (asctime)
    return toEpoch(asctime[6], asctime[1], asctime[2], asctime[3], asctime[4], asctime[5]);
  return undefined;
}

/** A two-digit year more than 50 years ahead means the most recent past year with those digits (RFC 9110). */
function expandTwoDigitYear(twoDigits: number, now: number): number {
  const currentYear = new Date(now).getUTCFullYear();
  let year = currentYear - (currentYear % 100) + twoDigits;
  if (year > currentYear + 50) year -= 100;
  return year;
}

function toEpoch(
  ...parts: [
    year?: string,
    month?: string,
    day?: string,
    hour?: string,
    minute?: string,
    second?: string,
  ]
): number | undefined {
  const [year, month, day, hour, minute, second] = parts;
  const monthIndex = MONTHS.indexOf(month ?? '');
  const values = [year, day, hour, minute, second].map((part) => Number(part?.trim()));
  const [yearValue = 0, dayValue = 0, hourValue = 0, minuteValue = 0, secondValue = 0] = values;
  if (dayValue < 1 || dayValue > 31 || hourValue > 23 || minuteValue > 59 || secondValue > 60) {
    return undefined;
  }
  const epoch = Date.UTC(yearValue, monthIndex, dayValue, hourValue, minuteValue, secondValue);
  const checked = new Date(epoch);
  return checked.getUTCDate() === dayValue ? epoch : undefined;
}
