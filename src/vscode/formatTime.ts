/** "14:00" today, "Fri 14:00" within a week, "12 Dec 14:00" beyond: short enough for a status bar. */
export function formatTime(ms: number, now: number): string {
  const date = new Date(ms);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const sameDay = new Date(now).toDateString() === date.toDateString();
  if (sameDay) return time;
  const withinWeek = ms - now < 6 * 24 * 60 * 60 * 1000 && ms > now;
  const day = withinWeek ? date.toLocaleDateString(undefined, { weekday: 'short' }) : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return `${day} ${time}`;
}
