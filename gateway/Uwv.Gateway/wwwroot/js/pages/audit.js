// The privacy officer's audit log: who looked at or changed which client's data, when and why.
import { h, append, replace, alert, field, input, select, table, button, formValues, newestOnly } from '../dom.js';
import { get } from '../api.js';
import { clientSearch } from './client-search.js';
import { date, dateTime, isoDay, purposeText, AUDIT_OUTCOMES, auditOutcome, dataGroups, serviceName, methodName, METHODS } from '../format.js';

// Every outcome, or one of those the audit log records (docs/privacy.md).
const OUTCOMES = [['', 'Alle'], ...Object.entries(AUDIT_OUTCOMES)];
// Every action, or one: the list shows the Dutch name, the filter sends the API's method name.
const ACTIONS = [['', 'Alle'], ...Object.entries(METHODS).sort(([, a], [, b]) => a.localeCompare(b, 'nl'))];

export async function render(main) {
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  const begin = newestOnly(results);
  const today = new Date();
  const form = h('form', { class: 'form-grid', 'aria-label': 'Filters auditlog', onsubmit: (e) => { e.preventDefault(); tokens = ['']; page = 0; load(); } },
    field('Cliëntnummer', input('clientId', { autocomplete: 'off' }), 'Zoek de cliënt hierboven op naam of BSN, of vul het nummer in'),
    field('Medewerker', input('subject', { autocomplete: 'off' }), 'Bijvoorbeeld procesbegeleider.arnhem-noord'),
    field('Uitkomst', select('outcome', OUTCOMES)),
    field('Handeling', select('method', ACTIONS)),
    field('Van', input('fromDate', { type: 'date', max: isoDay(today) }), 'Leeg: vanaf het begin'),
    field('Tot en met', input('toDate', { type: 'date', max: isoDay(today) }), 'Leeg: tot nu'),
    h('div', {}, h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, 'Zoeken')));
  let tokens = [''];
  let page = 0;

  async function load() {
    const settle = begin();
    let response;
    try {
      response = await get('/api/v1/audit', { ...formValues(form), pageSize: 25, pageToken: tokens[page] });
    } catch (error) {
      if (settle()) replace(results, alert('error', error.message));
      return;
    }
    if (!settle()) return;
    if (response.nextPageToken) tokens[page + 1] = response.nextPageToken;
    replace(results, table('Auditlog, nieuwste eerst', [
      ['Wanneer', (e) => dateTime(e.at)], ['Medewerker', (e) => e.subject], ['Rol', (e) => e.role], ['Team', (e) => e.team],
      ['Cliënt', (e) => e.clientId || '–'], ['Handeling', (e) => `${serviceName(e.service)}: ${methodName(e.method)}`], ['Gegevens', (e) => dataGroups(e.fields)],
      ['Doel', (e) => purposeText(e.purpose)], ['Uitkomst', (e) => auditOutcome(e.outcome)],
    ], response.entries ?? [], 'Geen regels met deze filters.'),
    h('nav', { class: 'pager', 'aria-label': 'Paginering auditlog' },
      button('Vorige pagina', () => { page -= 1; load(); }, 'secondary', { disabled: page === 0 }),
      h('span', {}, `Pagina ${page + 1}`),
      button('Volgende pagina', () => { page += 1; load(); }, 'secondary', { disabled: !response.nextPageToken })));
  }

  append(main, h('h1', {}, 'Auditlog'),
    h('p', { class: 'lead' }, 'Elke inzage in en wijziging van persoonsgegevens: wie, wanneer, welke gegevens en met welk doel.'),
    clientSearch((c) => button(`Auditregels van ${c.name} (geboren ${date(c.dateOfBirth)}, ${c.areaTeam})`, () => {
      form.elements.clientId.value = c.clientId;
      tokens = [''];
      page = 0;
      load();
    }, 'secondary'), { label: 'Cliënt zoeken in alle teams' }),
    form, results);
  await load();
}
