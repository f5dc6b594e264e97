// Terugbelverzoeken past their due moment (24 hours; WW questions 4 office hours), per division, with completion.
import { h, append, replace, alert, table, link, button, newestOnly } from '../dom.js';
import { get, post } from '../api.js';
import { DIVISION_OF_CLAIM, DIVISION_API, division, dateTime, yesNo } from '../format.js';

function divisionList(container, code) {
  const api = `/api/v1/${DIVISION_API[code]}/terugbelverzoeken`;
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  const begin = newestOnly(results);
  const tokens = [''];
  let page = 0;

  async function complete(t, reached) {
    try {
      await post(`${api}/${t.terugbelverzoekId}/complete`, { expectedVersion: t.version, reached });
      await load(`Het terugbelverzoek "${t.subject}" is afgehandeld.`);
    } catch (error) {
      results.prepend(alert('error', error.message));
    }
  }

  async function load(message) {
    const settle = begin();
    let response;
    try {
      response = await get(`${api}/overdue`, { pageSize: 20, pageToken: tokens[page] });
    } catch (error) {
      if (settle()) replace(results, alert('error', error.message));
      return;
    }
    if (!settle()) return;
    if (response.nextPageToken) tokens[page + 1] = response.nextPageToken;
    replace(results,
      message ? alert('ok', message) : null,
      table(`Te late terugbelverzoeken ${division(code)}`, [
        ['Terugbellen vóór', (t) => h('span', { class: 'overdue' }, dateTime(t.dueAt))],
        ['Cliënt', (t) => link(`#/clienten/${t.clientId}`, 'Klantbeeld openen')],
        ['Onderwerp', (t) => t.subject], ['WW-vraag', (t) => yesNo(t.wwQuestion)], ['Gevraagd', (t) => dateTime(t.requestedAt)],
        ['Afhandelen', (t) => h('div', { class: 'actions' },
          button('Gebeld, bereikt', () => complete(t, true), 'secondary', { 'aria-label': `Gebeld, bereikt: ${t.subject}` }),
          button('Gebeld, niet bereikt', () => complete(t, false), 'secondary', { 'aria-label': `Gebeld, niet bereikt: ${t.subject}` }))],
      ], response.terugbelverzoeken ?? [], 'Geen te late terugbelverzoeken. Goed zo.'),
      h('nav', { class: 'pager', 'aria-label': `Paginering ${division(code)}` },
        button('Vorige pagina', () => { page -= 1; load(); }, 'secondary', { disabled: page === 0 }),
        button('Volgende pagina', () => { page += 1; load(); }, 'secondary', { disabled: !response.nextPageToken })));
  }

  const id = `kop-terugbel-${DIVISION_API[code]}`;
  container.append(h('section', { 'aria-labelledby': id }, h('h2', { id }, division(code)), results));
  return load();
}

export async function render(main, _params, { session }) {
  append(main, h('h1', {}, 'Terugbelverzoeken'),
    h('p', { class: 'lead' }, 'Terugbelverzoeken die over hun termijn zijn: binnen 24 uur terugbellen, WW-vragen binnen 4 kantooruren. Elke afhandeling wordt als contact vastgelegd. Nieuwe terugbelverzoeken legt u vast vanuit het klantbeeld.'));
  const own = DIVISION_OF_CLAIM[session.division];
  const codes = own ? [own] : Object.keys(DIVISION_API);
  await Promise.all(codes.map((code) => divisionList(main, code)));
}
