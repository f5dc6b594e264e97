// The forms of the handover page: a nazorg call attempt, and a return with its reason.
import { h, field, select, textarea, checkbox, formValues, nextId } from '../dom.js';
import { RETURN_REASONS } from '../format.js';

function radio(name, value, label, checked) {
  const id = nextId('keuze');
  return h('div', { class: 'check' }, h('input', { type: 'radio', id, name, value, checked, required: true }), h('label', { for: id }, label));
}

export function nazorgForm(onsubmit) {
  const form = h('form', {
    'aria-labelledby': 'kop-belpoging',
    onsubmit: (e) => {
      e.preventDefault();
      const v = formValues(form);
      const reached = form.querySelector('input[name=outcome]:checked')?.value === 'reached';
      onsubmit({
        outcome: reached ? 'NAZORG_OUTCOME_REACHED' : 'NAZORG_OUTCOME_NOT_REACHED',
        understandsOutcome: reached && v.understandsOutcome,
        knowsNextSteps: reached && v.knowsNextSteps,
        extraNeeds: reached ? v.extraNeeds : '',
      });
    },
  },
  h('h3', { id: 'kop-belpoging' }, 'Belpoging vastleggen'),
  h('fieldset', {}, h('legend', {}, 'Uitkomst van het gesprek'),
    radio('outcome', 'reached', 'Cliënt bereikt', true),
    radio('outcome', 'not-reached', 'Niet bereikt', false)),
  h('fieldset', {}, h('legend', {}, 'Als de cliënt bereikt is'),
    checkbox('understandsOutcome', 'De cliënt begrijpt de uitkomst van de beoordeling', true),
    checkbox('knowsNextSteps', 'De cliënt weet wat er nu gebeurt', true),
    field('Extra behoeften van de cliënt', textarea('extraNeeds', { maxlength: 2000 }), 'Reist mee met de overdracht, zodat de collega niet opnieuw hoeft te vragen.')),
  h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, 'Belpoging vastleggen'));
  return form;
}

export function returnForm(onsubmit) {
  const form = h('form', {
    'aria-labelledby': 'kop-terugsturen',
    onsubmit: (e) => {
      e.preventDefault();
      const v = formValues(form);
      onsubmit({ reasonCategory: v.reasonCategory || undefined, reason: v.reason });
    },
  },
  h('h3', { id: 'kop-terugsturen' }, 'Terugsturen'),
  h('div', { class: 'form-grid form-grid--wide' },
    field('Soort reden', select('reasonCategory', [['', 'Kies…'], ...Object.entries(RETURN_REASONS).filter(([key]) => key.startsWith('RETURN_REASON_'))], { required: true })),
    field('Toelichting', textarea('reason', { required: true, maxlength: 2000 }), 'De verzender moet hiermee verder kunnen.')),
  h('button', { type: 'submit', class: 'utrecht-button utrecht-button--secondary-action' }, 'Terugsturen'));
  return form;
}
