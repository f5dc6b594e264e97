// Bezwaar deadlines of the team: beslistermijn, contact within 5 working days, and dwangsom exposure.
import { h, append, replace, alert, table, link, button, newestOnly } from '../dom.js';
import { get } from '../api.js';
import { date, divisionShort, enumText, euro, number } from '../format.js';

export async function render(main, _params, { session }) {
  const exposure = h('div', { 'aria-live': 'polite' });
  const list = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  const begin = newestOnly(list);
  append(main, h('h1', {}, 'Bezwaartermijnen'),
    h('p', { class: 'lead' }, 'Open bezwaren, de kortste beslistermijn eerst. Na de termijn en een ingebrekestelling loopt een dwangsom.'),
    h('section', { 'aria-labelledby': 'kop-dwangsom' }, h('h2', { id: 'kop-dwangsom' }, 'Dwangsomrisico'), exposure),
    h('section', { 'aria-labelledby': 'kop-termijnen' }, h('h2', { id: 'kop-termijnen' }, 'Termijnen'), list));

  try {
    const summary = await get('/api/v1/bezwaarberoep/dwangsom-exposure', { areaTeam: session.team === '*' ? '' : session.team });
    const t = summary.total ?? {};
    replace(exposure, h('div', { class: 'cards' },
      kpi('Open bezwaren', number(t.openBezwaren)), kpi('Over de beslistermijn', number(t.pastBeslistermijn)),
      kpi('Dwangsom loopt', number(t.dwangsomRunning)), kpi('Dwangsom opgelopen', euro(t.accruedCents)),
      kpi('Nog mogelijk', euro(t.stillPossibleCents))),
    h('p', {}, `Stand per ${date(summary.asOf)}.`));
  } catch (error) {
    replace(exposure, alert('error', error.message));
  }

  const tokens = [''];
  let page = 0;
  async function load() {
    const settle = begin();
    let response;
    try {
      response = await get('/api/v1/bezwaarberoep/bezwaar-deadlines', { pageSize: 20, pageToken: tokens[page] });
    } catch (error) {
      if (settle()) replace(list, alert('error', error.message));
      return;
    }
    if (!settle()) return;
    if (response.nextPageToken) tokens[page + 1] = response.nextPageToken;
    replace(list, table('Bezwaren, kortste termijn eerst', [
      ['Beslistermijn tot', (b) => (b.beslistermijnEndsOn ? date(b.beslistermijnEndsOn) : 'opgeschort (herstel verzuim)')],
      ['Bezwaar', (b) => link(`#/bezwaren/${b.bezwaarId}`, `Bezwaar openen (${b.decisionReference || 'zonder kenmerk'})`)],
      ['Tegen besluit van', (b) => divisionShort(b.decisionDivision)], ['Ontvangen', (b) => date(b.receivedOn)],
      ['Contact vóór', (b) => (b.contactedOn ? `gedaan ${date(b.contactedOn)}` : date(b.contactDueOn))],
      ['Horen', (b) => (b.hoorzittingHeldOn ? `gehoord ${date(b.hoorzittingHeldOn)}` : b.hoorzittingPlannedOn ? `gepland ${date(b.hoorzittingPlannedOn)}` : 'nog niet gepland')],
      ['Status', (b) => enumText(b.status, 'BEZWAAR_STATUS_')],
      ['Dwangsom vanaf', (b) => (b.dwangsomFrom ? h('span', { class: 'overdue' }, date(b.dwangsomFrom)) : '–')],
    ], response.bezwaren ?? [], 'Geen open bezwaren.'),
    h('nav', { class: 'pager', 'aria-label': 'Paginering bezwaren' },
      button('Vorige pagina', () => { page -= 1; load(); }, 'secondary', { disabled: page === 0 }),
      button('Volgende pagina', () => { page += 1; load(); }, 'secondary', { disabled: !response.nextPageToken })));
  }
  await load();
}

function kpi(label, value) {
  return h('div', { class: 'kpi' }, h('p', { class: 'kpi__label' }, label), h('p', { class: 'kpi__value' }, value));
}
