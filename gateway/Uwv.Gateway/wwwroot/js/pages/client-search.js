// Finding a client by name, BSN or client number (the API's SearchClients). The look-up itself is recorded in the
// audit log; the BSN is sent only in the request and never shown back.
import { h, replace, field, input, alert, newestOnly } from '../dom.js';
import { get } from '../api.js';

/** A search form with its results; each match is rendered by `render(match)` (a link, or a button to choose it). */
export function clientSearch(render, { label = 'Cliënt zoeken', onFound } = {}) {
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'false', 'data-testid': 'zoekresultaat' });
  const begin = newestOnly(results);
  const form = h('form', {
    role: 'search',
    'aria-label': 'Zoeken naar een cliënt',
    class: 'form-grid',
    onsubmit: async (e) => {
      e.preventDefault();
      const settle = begin();
      let response;
      try {
        response = await get('/api/v1/clients/search', { query: form.elements.query.value.trim() });
      } catch (error) {
        if (settle()) replace(results, alert('error', error.message));
        return;
      }
      if (!settle()) return;
      const clients = response.clients ?? [];
      onFound?.(clients);
      replace(results,
        clients.length === 0 ? h('p', {}, 'Geen cliënt gevonden.')
          : h('ul', { class: 'search-results', 'aria-label': 'Gevonden cliënten' }, clients.map((c) => h('li', {}, render(c)))),
        response.more ? h('p', {}, 'Er zijn meer cliënten gevonden dan hier staan; zoek preciezer.') : null);
    },
  },
  field(label, input('query', { autocomplete: 'off', required: true, maxlength: 200 }), 'Naam (of een deel ervan), BSN of cliëntnummer'),
  h('div', {}, h('button', { type: 'submit', class: 'utrecht-button utrecht-button--secondary-action' }, 'Zoek cliënt')));
  return h('div', { class: 'client-search' }, form, results);
}
