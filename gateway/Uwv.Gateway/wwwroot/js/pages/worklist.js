// The area team's worklist across the four divisions, nearest deadline first; filters and pagination.
import { h, replace, field, select, table, link, button, alert, newestOnly } from '../dom.js';
import { get } from '../api.js';
import { DIVISIONS, DIVISION_OF_CLAIM, dateTime, date, divisionShort, workKind, dashedId, HANDOVER_STATES, OPEN_HANDOVER_STATES } from '../format.js';
import { clientSearch } from './client-search.js';

const PAGE_SIZE = 20;

/** The deadline filter (the API's "due" codes). */
const DUE = [['', 'Alle'], ['overdue', 'Te laat'], ['today', 'Uiterlijk vandaag'], ['week', 'Binnen een week']];

/** The kinds of work the worklist holds (the klantbeeld's WorkItems), in the order a team thinks of them. */
const KINDS = ['handover', 'dossier', 'terugbelverzoek', 'bezwaar-contact', 'bezwaar-beslistermijn', 'herkeuring-bellen',
  'herbeoordelingsverzoek', 'wga-80-100-contact'];

/** Where a work item leads: its handover, or the client's picture. */
function target(item) {
  const [, kind, id] = item.key.split(':');
  if (kind === 'handover' && id) return { href: `#/overdrachten/${dashedId(id)}`, text: 'Overdracht openen', handover: true };
  return { href: `#/clienten/${item.clientId}`, text: 'Klantbeeld openen' };
}

export async function render(main, _params, { session }) {
  const state = { division: DIVISION_OF_CLAIM[session.division] ?? '', employee: '', kind: '', stand: '', due: '', tokens: [''], page: 0 };
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  const begin = newestOnly(results);

  const form = h('form', { class: 'form-grid', 'aria-label': 'Filters werkvoorraad', onsubmit: (e) => { e.preventDefault(); apply(); } },
    field('Organisatieonderdeel', select('division', [['', 'Alle vier'], ...Object.entries(DIVISIONS)], { selectedValue: state.division })),
    field('Medewerker', select('employee', [['', 'Iedereen in het team'], [session.sub, 'Alleen mijn werk']])),
    field('Soort werk', select('kind', [['', 'Alle soorten'], ...KINDS.map((kind) => [kind, workKind(kind)]), ['escalatie', 'Escalaties voor de teamleider']])),
    field('Stand van de overdracht', select('stand', [['', 'Alle'], ...OPEN_HANDOVER_STATES.map((s) => [s, HANDOVER_STATES[s]])]), 'Alleen overdrachten die zo staan'),
    field('Deadline', select('due', DUE)),
    h('div', {}, h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, 'Filter toepassen')));

  function apply() {
    state.division = form.elements.division.value;
    state.employee = form.elements.employee.value;
    state.kind = form.elements.kind.value;
    state.stand = form.elements.stand.value;
    state.due = form.elements.due.value;
    state.tokens = [''];
    state.page = 0;
    load();
  }

  /** Loads the page; after paging, focus returns to the pager button that was used (or its neighbour when that one is now disabled). */
  async function load(pagerFocus) {
    const settle = begin();
    let response;
    try {
      response = await get('/api/v1/klantbeeld/worklist', {
        division: state.division, employee: state.employee, kind: state.kind, stand: state.stand, due: state.due,
        pageSize: PAGE_SIZE, pageToken: state.tokens[state.page],
      });
    } catch (error) {
      if (settle()) replace(results, alert('error', error.message));
      return;
    }
    if (!settle()) return;
    const items = response.items ?? [];
    if (response.nextPageToken) state.tokens[state.page + 1] = response.nextPageToken;
    const total = response.total ?? items.length;
    const first = state.page * PAGE_SIZE + 1;
    replace(results,
      h('p', {}, total === 0 ? 'Er is geen open werk met deze filters.'
        : `${total} open werkzaamheden; u ziet ${first} tot en met ${first + items.length - 1}.`),
      table('Werkvoorraad, dichtstbijzijnde deadline eerst', [
        ['Deadline', (i) => (i.dueAt ? h('span', { class: i.overdue ? 'overdue' : '' }, dateTime(i.dueAt), i.overdue ? ' (te laat)' : '') : 'geen')],
        ['Soort', (i) => workKind(i.kind)],
        // One link per row: to the work itself (the handover, or the client's picture).
        ['Cliënt', (i) => {
          const t = target(i);
          const name = i.clientName || 'onbekende naam';
          return link(t.href, name, t.handover ? { 'aria-label': `${t.text}: ${name}` } : {});
        }],
        ['Omschrijving', (i) => i.title],
        ['Onderdeel', (i) => divisionShort(i.division)],
        ['Medewerker', (i) => i.employee || '–'],
      ], items, 'Geen werk gevonden.'),
      h('nav', { class: 'pager', 'aria-label': 'Paginering werkvoorraad' },
        button('Vorige pagina', () => { state.page -= 1; load('vorige'); }, 'secondary', { disabled: state.page === 0, 'data-pager': 'vorige' }),
        h('span', {}, `Pagina ${state.page + 1}`),
        button('Volgende pagina', () => { state.page += 1; load('volgende'); }, 'secondary', { disabled: !response.nextPageToken, 'data-pager': 'volgende' })));
    if (pagerFocus) {
      const wanted = results.querySelector(`[data-pager=${pagerFocus}]`);
      const other = results.querySelector(`[data-pager=${pagerFocus === 'vorige' ? 'volgende' : 'vorige'}]`);
      (wanted && !wanted.disabled ? wanted : other)?.focus();
    }
  }

  main.append(
    h('h1', {}, 'Werkvoorraad'),
    h('p', { class: 'lead' }, `Open werk van gebiedsteam ${session.team}: dossiers, overdrachten, terugbelverzoeken en termijnen. De dichtstbijzijnde deadline staat bovenaan.`),
    clientSearch((c) => link(`#/clienten/${c.clientId}`, `${c.name}, geboren ${date(c.dateOfBirth)}`)),
    form, results);
  await load();
}
