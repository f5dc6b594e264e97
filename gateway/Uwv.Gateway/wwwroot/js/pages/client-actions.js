// What an employee can do from the client picture: request a handover, record a move, a callback, a signaal; the
// division's own work is in division-actions.js.
import { h, alert, field, select, input, textarea, checkbox, newRequestId } from '../dom.js';
import { post } from '../api.js';
import {
  DIVISIONS, DIVISION_OF_CLAIM, DIVISION_API, divisionShort, KWETSBAARHEID, dossierStatus, date, isoDay, OPEN_HANDOVER_STATES,
} from '../format.js';
import { actionForm, retryWhileNotFound } from './action-form.js';
import { divisionActions } from './division-actions.js';

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

export function renderActions(p, { session, navigate }, reload, notice) {
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

  sections.push(...divisionActions(p, ownDivision, session.role, reload));

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
    setTimeout(() => reload(`De verhuizing is vastgelegd: van ${moved.oldAreaTeam} naar ${moved.newAreaTeam}.`), 500);
    return `De verhuizing is vastgelegd: van ${moved.oldAreaTeam} naar ${moved.newAreaTeam}.`;
  }));

  return h('section', { 'aria-labelledby': 'kop-acties' }, h('h2', { id: 'kop-acties' }, 'Acties'),
    h('div', { 'aria-live': 'polite', 'data-testid': 'melding-acties' }, notice ? alert('ok', notice) : null), sections);
}
