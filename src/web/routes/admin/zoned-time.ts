/**
 * Calendar dates in an organisation's time zone → instants, for the audit filters: "from 3 May" means from
 * midnight in Casablanca, whatever the browser's own zone.
 */

/** How far ahead of UTC the zone's wall clock is at this instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wallClockAsUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which a calendar day (YYYY-MM-DD) begins in a time zone, as an ISO string. */
export function startOfDayIn(date: string, timeZone: string, addDays = 0): string {
  const [year, month, day] = date.split('-').map(Number);
  const wallMidnight = Date.UTC(year!, month! - 1, day! + addDays);
  let instant = wallMidnight - zoneOffset(wallMidnight, timeZone);
  // Once more with the offset at the guessed instant, in case a daylight-saving change lies in between.
  instant = wallMidnight - zoneOffset(instant, timeZone);
  return new Date(instant).toISOString();
}
