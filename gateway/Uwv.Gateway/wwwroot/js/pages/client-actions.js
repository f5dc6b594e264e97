// What an employee can do from the client picture: request a handover, record a move, a callback, a signaal.
import { h, replace, alert, field, select, input, textarea, checkbox, formValues, newRequestId } from '../dom.js';
import { post } from '../api.js';
import {
  DIVISIONS, DIVISION_OF_CLAIM, DIVISION_API, divisionShort, KWETSBAARHEID, dossierStatus, date, isoDay, OPEN_HANDOVER_STATES,
} from '../format.js';

async function retryWhileNotFound(call, attempts = 10) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (error.code !== 5 || attempt >= attempts) throw error;
      await new Promise((resolve) => { setTimeout(resolve, 500); });
    }
  }
}

function actionForm(title, id, controls, submitText, onsubmit) {
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

/**
 * The dossiers this user can hand over now, the most recently opened first (preselected): not closed, owned by the
 * user's division (a teamleider acts for every division), and no handover from that division still running.
 */
export function handoverableDossiers(p, ownDivision, isTeamleider) {
  const busy = new Set((p.handovers ?? []).filter((x) => OPEN_HANDOVER_STATES.includes(x.state)).map((x) => x.fromDivision));
  return (p.dossiers ?? [])
    .filter((d) => d.status !== 'closed' && (isTeamleider || d.division === ownDivision) && !busy.has(d.division))
    .sort((a, b) => String(b.openedAt ?? '').localeCompare(String(a.openedAt ?? '')));
}

/** An amount typed in Dutch ("1.234,56") or plainly ("1234.56"), in euro cents; NaN when it is no amount. */
export function cents(text) {
  const plain = String(text ?? '').replace(/\s|€/g, '');
  const normal = plain.includes(',') ? plain.replaceAll('.', '').replace(',', '.') : plain;
  return /^\d+(\.\d{1,2})?$/.test(normal) ? Math.round(Number(normal) * 100) : Number.NaN;
}

const UITKERING_TYPES = [['', 'Kies…'], ['UITKERING_TYPE_WW', 'WW'], ['UITKERING_TYPE_WIA_WGA', 'WIA (WGA)'], ['UITKERING_TYPE_WIA_IVA', 'WIA (IVA)'],
  ['UITKERING_TYPE_ZIEKTEWET', 'Ziektewet'], ['UITKERING_TYPE_WAJONG', 'Wajong']];

/** The division's own work that starts from the client: what the user's division records about this client. */
function divisionActions(p, ownDivision, reload) {
  const today = isoDay(new Date());
  const amount = (name, label, hint) => field(label, input(name, { required: true, inputmode: 'decimal', autocomplete: 'off' }), hint ?? 'In euro, bijvoorbeeld 1.250,00');
  const shown = (message) => { setTimeout(reload, 800); return message; };
  const actions = [];
  if (ownDivision === 'DIVISION_UITKEREN') {
    actions.push(actionForm('Uitkering toekennen', 'kop-uitkering', [
      field('Soort uitkering', select('type', UITKERING_TYPES, { required: true })),
      field('Ingangsdatum', input('startDate', { type: 'date', required: true, value: today })),
      field('Einddatum', input('endDate', { type: 'date' }), 'Leeg: zonder einddatum.'),
      amount('monthly', 'Bedrag per maand'),
    ], 'Uitkering toekennen', async (v) => {
      await post('/api/v1/uitkeren/uitkeringen', {
        requestId: newRequestId(), clientId: p.clientId, type: v.type || undefined, startDate: v.startDate, endDate: v.endDate, monthlyAmountCents: cents(v.monthly) || 0,
      });
      return shown('De uitkering is toegekend. Ze verschijnt zo in het klantbeeld.');
    }));
    actions.push(actionForm('Inkomsten doorgeven', 'kop-inkomsten', [
      field('Maand', input('period', { type: 'month', required: true, max: today.slice(0, 7) })),
      amount('income', 'Inkomsten in die maand'),
    ], 'Inkomsten vastleggen', async (v) => {
      const result = await post('/api/v1/uitkeren/inkomstensignalen', { requestId: newRequestId(), clientId: p.clientId, period: v.period, incomeCents: cents(v.income) || 0 });
      return shown(result.terugvordering ? 'De inkomsten zijn vastgelegd. De maand was al betaald: het verschil wordt teruggevorderd.' : 'De inkomsten zijn vastgelegd en worden verrekend.');
    }));
    actions.push(actionForm('Voorschot aanbieden', 'kop-voorschot', [
      amount('monthly', 'Voorschot per maand'),
      field('WIA-aanvraag ontvangen op', input('wiaAanvraagOn', { type: 'date', required: true, max: today })),
    ], 'Voorschot aanbieden', async (v) => {
      await post('/api/v1/uitkeren/voorschotten', { requestId: newRequestId(), clientId: p.clientId, monthlyAmountCents: cents(v.monthly) || 0, wiaAanvraagOn: v.wiaAanvraagOn });
      return shown('Het voorschot is aangeboden. Bel de cliënt om het toe te lichten.');
    }));
  }
  if (ownDivision === 'DIVISION_WERKBEDRIJF') {
    actions.push(actionForm('Re-integratietraject starten', 'kop-traject', [
      h('p', {}, 'Het traject start in de eerste fase; doelen en afspraken legt u daarna vast.'),
    ], 'Traject starten', async () => {
      await post('/api/v1/werkbedrijf/trajecten', { requestId: newRequestId(), clientId: p.clientId });
      return shown('Het re-integratietraject is gestart.');
    }));
    actions.push(actionForm('Herbeoordelingsverzoek indienen', 'kop-herbeoordeling', [
      field('Waarom een herbeoordeling?', textarea('reason', { required: true, maxlength: 2000 }), 'Zonder medische inhoud. SMZ beantwoordt het verzoek binnen de norm.'),
    ], 'Verzoek indienen', async (v) => {
      await post('/api/v1/werkbedrijf/herbeoordelingsverzoeken', { requestId: newRequestId(), clientId: p.clientId, reason: v.reason });
      return shown('Het herbeoordelingsverzoek is ingediend bij SMZ.');
    }));
  }
  if (ownDivision === 'DIVISION_SMZ') {
    actions.push(actionForm('Herkeuringsaanvraag registreren', 'kop-herkeuring', [
      field('Ontvangen op', input('receivedOn', { type: 'date', required: true, max: today, value: today }), 'De procesbegeleider belt de cliënt binnen 5 kalenderdagen.'),
    ], 'Aanvraag registreren', async (v) => {
      await post('/api/v1/smz/herkeuringsaanvragen', { requestId: newRequestId(), clientId: p.clientId, receivedOn: v.receivedOn });
      return shown('De herkeuringsaanvraag is geregistreerd.');
    }));
  }
  return actions;
}

export function renderActions(p, { session, navigate }, reload) {
  const ownDivision = DIVISION_OF_CLAIM[session.division];
  const dossiers = handoverableDossiers(p, ownDivision, session.role === 'teamleider');
  const sections = [];

  if (dossiers.length) {
    sections.push(actionForm('Overdracht aanvragen', 'kop-overdracht-aanvragen', [
      field('Dossier', select('dossierId', dossiers.map((d) => [d.dossierId, `${divisionShort(d.division)} – ${dossierStatus(d.status)} – geopend ${date(d.openedAt)}`]),
        { selectedValue: dossiers[0].dossierId }), 'Alleen dossiers die u nu kunt overdragen: niet afgesloten, van uw organisatieonderdeel, zonder lopende overdracht.'),
      field('Naar organisatieonderdeel', select('toDivision', [['', 'Kies…'], ...Object.entries(DIVISIONS)], { required: true })),
      field('Reden van de overdracht', textarea('reason', { required: true, maxlength: 2000 })),
      field('Open vragen voor de ontvanger', textarea('openQuestions', { maxlength: 2000 }), 'Deze vragen reizen mee met de overdracht.'),
    ], 'Overdracht aanvragen', async (v) => {
      const dossier = dossiers.find((d) => d.dossierId === v.dossierId);
      const body = {
        requestId: newRequestId(), clientId: p.clientId, dossierId: v.dossierId,
        fromDivision: dossier?.division, toDivision: v.toDivision || undefined, reason: v.reason, openQuestions: v.openQuestions,
      };
      // A dossier opened moments ago reaches the handover service shortly after: retry the same request briefly.
      const { handover } = await retryWhileNotFound(() => post('/api/v1/handovers', body));
      navigate(`#/overdrachten/${handover.handoverId}`);
      return null;
    }));
  }

  if (ownDivision) {
    sections.push(actionForm('Terugbelverzoek vastleggen', 'kop-terugbel', [
      field('Onderwerp', input('subject', { required: true, maxlength: 200 }), 'Kort en zonder medische inhoud.'),
      checkbox('wwQuestion', 'Vraag over de WW (terugbellen binnen 4 kantooruren)'),
    ], 'Terugbelverzoek vastleggen', async (v) => {
      await post(`/api/v1/${DIVISION_API[ownDivision]}/terugbelverzoeken`, {
        requestId: newRequestId(), clientId: p.clientId, subject: v.subject, wwQuestion: v.wwQuestion,
      });
      return 'Het terugbelverzoek is vastgelegd. Het verschijnt zo in de werkvoorraad.';
    }));
  }

  if (['jurist', 'teamleider'].includes(session.role)) {
    const today = isoDay(new Date());
    sections.push(actionForm('Bezwaar registreren', 'kop-bezwaar-registreren', [
      field('Tegen een besluit van', select('decisionDivision', [['', 'Kies…'], ...Object.entries(DIVISIONS).filter(([code]) => code !== 'DIVISION_BEZWAAR_BEROEP')], { required: true })),
      field('Kenmerk van het besluit', input('decisionReference', { required: true, maxlength: 100, autocomplete: 'off' })),
      field('Besluit verzonden op', input('decisionSentOn', { type: 'date', required: true, max: today })),
      field('Bezwaarschrift ontvangen op', input('receivedOn', { type: 'date', required: true, max: today, value: today })),
      field('Datum poststempel', input('postmarkDate', { type: 'date', max: today }), 'Alleen bij een bezwaarschrift per post: op tijd gepost en binnen een week ontvangen telt als op tijd (Awb 6:9).'),
      field('Gronden', textarea('grounds', { required: true, maxlength: 2000 }), 'Kort en zonder medische inhoud.'),
      checkbox('advisoryCommittee', 'Een adviescommissie hoort het bezwaar (beslistermijn 12 in plaats van 6 weken)'),
      checkbox('lateFilingExcused', 'Te laat, maar verschoonbaar (Awb 6:11)'),
    ], 'Bezwaar registreren', async (v) => {
      const { bezwaar } = await post('/api/v1/bezwaarberoep/bezwaren', {
        requestId: newRequestId(), clientId: p.clientId, decisionDivision: v.decisionDivision || undefined, decisionReference: v.decisionReference,
        decisionSentOn: v.decisionSentOn, receivedOn: v.receivedOn, postmarkDate: v.postmarkDate, grounds: v.grounds,
        advisoryCommittee: v.advisoryCommittee, lateFilingExcused: v.lateFilingExcused,
      });
      navigate(`#/bezwaren/${bezwaar.bezwaarId}`);
      return null;
    }));
  }

  sections.push(...divisionActions(p, ownDivision, reload));

  sections.push(actionForm('Signaal vastleggen', 'kop-signaal', [
    field('Factor', select('factor', [['', 'Kies…'], ...Object.entries(KWETSBAARHEID)], { required: true })),
    field('Waarneming', textarea('note', { required: true, maxlength: 1000 }), 'In uw eigen woorden; geen diagnose of andere medische informatie.'),
    checkbox('clientConsent', 'De cliënt geeft toestemming om dit vast te leggen en te delen met collega\'s'),
  ], 'Signaal vastleggen', async (v) => {
    await post('/api/v1/signalen', { requestId: newRequestId(), clientId: p.clientId, factor: v.factor || undefined, note: v.note, clientConsent: v.clientConsent });
    return 'Het signaal is vastgelegd.';
  }));

  sections.push(actionForm('Verhuizing vastleggen', 'kop-verhuizing', [
    field('Nieuwe postcode', input('newPostcode', { required: true, maxlength: 7, autocomplete: 'off' }), 'Bijvoorbeeld 6821 AB. Het open werk gaat mee naar het team van de nieuwe postcode.'),
  ], 'Verhuizing vastleggen', async (v) => {
    const moved = await post(`/api/v1/clients/${p.clientId}/move`, { requestId: newRequestId(), newPostcode: v.newPostcode });
    setTimeout(reload, 500);
    return `De verhuizing is vastgelegd: van ${moved.oldAreaTeam} naar ${moved.newAreaTeam}.`;
  }));

  return h('section', { 'aria-labelledby': 'kop-acties' }, h('h2', { id: 'kop-acties' }, 'Acties'), sections);
}
