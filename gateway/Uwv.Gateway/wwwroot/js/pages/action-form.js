// The shape every action on the client picture shares.
import { h, replace, alert, formValues } from '../dom.js';

/** Retries a call that may meet a record not yet arrived from another service (NOT_FOUND), for a few seconds. */
export async function retryWhileNotFound(call, attempts = 10) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (error.code !== 5 || attempt >= attempts) throw error;
      await new Promise((resolve) => { setTimeout(resolve, 500); });
    }
  }
}

/**
 * One action as its own form and live region: the result or refusal is announced next to the button that caused it,
 * and a refused form keeps what was typed.
 */
export function actionForm(title, id, controls, submitText, onsubmit) {
  const feedback = h('div', { 'aria-live': 'polite' });
  const form = h('form', {
    'aria-labelledby': id,
    onsubmit: async (e) => {
      e.preventDefault();
      const submitButton = form.querySelector('button[type=submit]');
      submitButton.disabled = true;
      try {
        const message = await onsubmit(formValues(form), form);
        if (message) replace(feedback, alert('ok', message));
      } catch (error) {
        replace(feedback, alert('error', error.message));
      } finally {
        submitButton.disabled = false;
      }
    },
  }, h('div', { class: 'form-grid form-grid--wide' }, controls),
  h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, submitText));
  return h('section', { 'aria-labelledby': id }, h('h3', { id }, title), form, feedback);
}

