// The teamleider's escalations: the team's handovers whose deadline passed (and were escalated), and the cases a
// second ping-pong sent to the casusoverleg, nearest deadline first. One link per row, to the handover, where the
// history says why and where the casusoverleg's outcome is recorded.
import { h, append, replace, alert, table, link, newestOnly } from '../dom.js';
import { get } from '../api.js';
import { divisionShort, dateTime, handoverState, RETURN_REASONS } from '../format.js';

const LEVELS = { 1: 'teamleider', 2: 'manager' };

export async function render(main) {
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  append(main, h('h1', {}, 'Escalaties en casusoverleg'),
    h('p', { class: 'lead' }, 'Overdrachten van uw team die niet op tijd zijn opgepakt, en dossiers die al vaker heen en weer gingen en in het casusoverleg besproken moeten worden. Open een overdracht voor de geschiedenis en om de uitkomst van het casusoverleg vast te leggen.'),
    h('p', {}, 'Verstreken normtermijnen van de organisatieonderdelen (terugbelverzoeken, bezwaren, herkeuringen) staan in de ',
      link('#/werkvoorraad', 'werkvoorraad'), ' onder "Escalaties voor de teamleider".'),
    results);
  const settle = newestOnly(results)();
  let response;
  try {
    response = await get('/api/v1/handover-escalations');
  } catch (error) {
    if (settle()) replace(results, alert('error', error.message));
    return;
  }
  if (!settle()) return;
  const rows = response.handovers ?? [];
  const casus = rows.filter((x) => x.casusoverleg && !x.casusoverlegOutcome);
  const late = rows.filter((x) => x.escalationLevel > 0 && !['accepted', 'cancelled'].includes(x.state));
  const columns = [
    ['Overdracht', (x) => link(`#/overdrachten/${x.handoverId}`, `${divisionShort(x.fromDivision)} → ${divisionShort(x.toDivision)}, aangevraagd ${dateTime(x.requestedAt)}`)],
    ['Stand', (x) => handoverState(x.state)],
    ['Deadline', (x) => (x.dueAt ? h('span', { class: 'overdue' }, dateTime(x.dueAt)) : '–')],
    ['Geëscaleerd naar', (x) => LEVELS[x.escalationLevel] ?? '–'],
    ['Teruggestuurd omdat', (x) => (x.returnReason ? `${RETURN_REASONS[x.returnReasonCategory] ?? 'Andere reden'}: ${x.returnReason}` : '')],
  ];
  replace(results,
    h('section', { 'aria-labelledby': 'kop-casus' },
      h('h2', { id: 'kop-casus' }, `Wachten op casusoverleg (${casus.length})`),
      table('Dossiers voor het casusoverleg', columns, casus, 'Geen dossiers die op een casusoverleg wachten.')),
    h('section', { 'aria-labelledby': 'kop-laat' },
      h('h2', { id: 'kop-laat' }, `Geëscaleerde overdrachten (${late.length})`),
      table('Geëscaleerde overdrachten', columns, late, 'Geen geëscaleerde overdrachten. Goed zo.')));
}
