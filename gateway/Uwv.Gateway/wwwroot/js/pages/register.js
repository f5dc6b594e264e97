// Registering a client in the client register: BSN (elfproef), name, date of birth, postcode.
import { h, append, replace, alert, field, input, link, formValues, newRequestId } from '../dom.js';
import { post } from '../api.js';

export async function render(main) {
  const feedback = h('div', { 'aria-live': 'polite' });
  const form = h('form', {
    'aria-labelledby': 'kop-registreren',
    onsubmit: async (e) => {
      e.preventDefault();
      const v = formValues(form);
      try {
        const registered = await post('/api/v1/clients', { requestId: newRequestId(), ...v });
        replace(feedback, alert('ok', h('p', {}, `De cliënt is geregistreerd bij gebiedsteam ${registered.areaTeam}. `,
          link(`#/clienten/${registered.clientId}`, 'Klantbeeld openen'))));
        form.reset();
      } catch (error) {
        replace(feedback, alert('error', error.message));
      }
    },
  },
  h('div', { class: 'form-grid form-grid--wide' },
    field('BSN', input('bsn', { required: true, inputmode: 'numeric', maxlength: 9, autocomplete: 'off' }), 'Negen cijfers; het nummer moet de elfproef doorstaan.'),
    field('Naam', input('name', { required: true, maxlength: 200, autocomplete: 'off' })),
    field('Geboortedatum', input('dateOfBirth', { type: 'date', required: true })),
    field('Postcode', input('postcode', { required: true, maxlength: 7, autocomplete: 'off' }), 'Bijvoorbeeld 6821 AB; bepaalt het gebiedsteam.')),
  h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, 'Cliënt registreren'));
  append(main, h('h1', { id: 'kop-registreren' }, 'Cliënt registreren'),
    h('p', { class: 'lead' }, 'De postcode bepaalt welk Arnhems gebiedsteam de cliënt helpt.'), form, feedback);
}
