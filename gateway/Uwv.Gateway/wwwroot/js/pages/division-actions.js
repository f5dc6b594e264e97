// The division's own work on the client picture: each form acts on one of the client's records (an uitkering, a
// voorschot, a traject, a herbeoordelingsverzoek), named in the form. A command carries the version it changes: read
// from the record just before it is sent, so a change by someone else in between is refused (ABORTED) as elsewhere.
import { h, alert, field, select, input, textarea, checkbox, newRequestId } from '../dom.js';
import { get, post } from '../api.js';
import { isoDay, date, euro, AO_KLASSEN, BEOORDELING_TYPES } from '../format.js';
import { actionForm } from './action-form.js';

/** An amount typed in Dutch ("1.234,56") or plainly ("1234.56"), in euro cents; NaN when it is no amount. */
export function cents(text) {
  const plain = String(text ?? '').replace(/\s|€/g, '');
  const normal = plain.includes(',') ? plain.replaceAll('.', '').replace(',', '.') : plain;
  return /^\d+(\.\d{1,2})?$/.test(normal) ? Math.round(Number(normal) * 100) : Number.NaN;
}

const UITKERING_TYPES = [['', 'Kies…'], ['UITKERING_TYPE_WW', 'WW'], ['UITKERING_TYPE_WIA_WGA', 'WIA (WGA)'], ['UITKERING_TYPE_WIA_IVA', 'WIA (IVA)'],
  ['UITKERING_TYPE_ZIEKTEWET', 'Ziektewet'], ['UITKERING_TYPE_WAJONG', 'Wajong']];

/** The division's own work that starts from the client: what the user's division records about this client. */
export function divisionActions(p, ownDivision, role, reload) {
  const today = isoDay(new Date());
  const amount = (name, label, hint) => field(label, input(name, { required: true, inputmode: 'decimal', autocomplete: 'off' }), hint ?? 'In euro, bijvoorbeeld 1.250,00');
  const shown = (message) => { setTimeout(() => reload(message), 800); return message; };
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
    actions.push(...uitkerenRecordActions(p, today, shown), inkomstenReview(p, shown));
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
    actions.push(...trajectActions(p, today, shown));
  }
  if (ownDivision === 'DIVISION_SMZ') {
    actions.push(actionForm('Herkeuringsaanvraag registreren', 'kop-herkeuring', [
      field('Ontvangen op', input('receivedOn', { type: 'date', required: true, max: today, value: today }), 'De procesbegeleider belt de cliënt binnen 5 kalenderdagen.'),
    ], 'Aanvraag registreren', async (v) => {
      await post('/api/v1/smz/herkeuringsaanvragen', { requestId: newRequestId(), clientId: p.clientId, receivedOn: v.receivedOn });
      return shown('De herkeuringsaanvraag is geregistreerd.');
    }));
    actions.push(...smzRecordActions(p, role, today, shown));
  }
  return actions;
}


/** A choice of one of the client's records, the first preselected. */
const recordChoice = (label, name, records, idOf, labelOf, hint) =>
  field(label, select(name, records.map((r) => [idOf(r), labelOf(r)]), { selectedValue: idOf(records[0]) }), hint);

/** The version of a record as it is now; NOT_FOUND when it is gone. */
async function versionOf(read, what) {
  const version = await read();
  if (!version) throw Object.assign(new Error(`De ${what} is niet (meer) gevonden. Laad het klantbeeld opnieuw.`), { code: 5 });
  return version;
}

const OPEN_VOORSCHOT = ['aangeboden', 'verstrekt'];

function uitkerenRecordActions(p, today, shown) {
  const out = [];
  const uitkeringen = p.uitkeringen ?? [];
  const running = uitkeringen.filter((u) => !u.endDate || u.endDate >= today);
  const uitkeringLabel = (u) => `${u.type} vanaf ${date(u.startDate)}, ${euro(u.monthlyAmountCents)} per maand`;
  const uitkeringVersion = (id) => versionOf(async () => {
    const { uitkeringen: current } = await get(`/api/v1/uitkeren/clients/${p.clientId}/uitkeringen`);
    return (current ?? []).find((u) => u.uitkeringId === id)?.version;
  }, 'uitkering');
  if (running.length) {
    out.push(actionForm('Uitkering beëindigen', 'kop-uitkering-einde', [
      recordChoice('Uitkering', 'uitkeringId', running, (u) => u.uitkeringId, uitkeringLabel),
      field('Laatste dag van de uitkering', input('endDate', { type: 'date', required: true, value: today })),
    ], 'Uitkering beëindigen', async (v) => {
      await post(`/api/v1/uitkeren/uitkeringen/${v.uitkeringId}/end`, { expectedVersion: await uitkeringVersion(v.uitkeringId), endDate: v.endDate });
      return shown(`De uitkering is beëindigd per ${date(v.endDate)}.`);
    }));
  }
  if (uitkeringen.length) {
    out.push(actionForm('Terugvordering vastleggen', 'kop-terugvordering', [
      recordChoice('Op de uitkering', 'uitkeringId', uitkeringen, (u) => u.uitkeringId, uitkeringLabel),
      field('Terug te vorderen bedrag', input('amount', { required: true, inputmode: 'decimal', autocomplete: 'off' }), 'In euro, bijvoorbeeld 250,00'),
      field('Reden', textarea('reason', { required: true, maxlength: 500 }), 'Bijvoorbeeld: inkomsten over een al betaalde maand.'),
    ], 'Terugvordering vastleggen', async (v) => {
      await post('/api/v1/uitkeren/terugvorderingen', {
        requestId: newRequestId(), clientId: p.clientId, uitkeringId: v.uitkeringId, amountCents: cents(v.amount) || 0, reason: v.reason,
      });
      return shown('De terugvordering is vastgelegd.');
    }));
  }
  const voorschotten = (p.voorschotten ?? []).filter((x) => OPEN_VOORSCHOT.includes(x.status));
  const voorschotLabel = (x) => `${euro(x.monthlyAmountCents)} per maand, ${x.status}${x.startDate ? ` vanaf ${date(x.startDate)}` : ''}`;
  const voorschotVersion = (id) => versionOf(async () => (await get(`/api/v1/uitkeren/voorschotten/${id}`)).voorschot?.version, 'voorschot');
  if (voorschotten.length) {
    out.push(actionForm('Belpoging over het voorschot', 'kop-voorschot-bellen', [
      recordChoice('Voorschot', 'voorschotId', voorschotten, (x) => x.voorschotId, voorschotLabel,
        'Na drie onbeantwoorde belpogingen krijgt de cliënt het voorstel per e-mail.'),
      checkbox('reached', 'Cliënt bereikt'),
    ], 'Belpoging vastleggen', async (v) => {
      const result = await post(`/api/v1/uitkeren/voorschotten/${v.voorschotId}/belpogingen`, {
        expectedVersion: await voorschotVersion(v.voorschotId), reached: v.reached,
      });
      return shown(result.emailSent
        ? 'De belpoging is vastgelegd. Dit was de derde onbeantwoorde poging: de cliënt krijgt een e-mail.'
        : 'De belpoging is vastgelegd.');
    }));
  }
  const offered = voorschotten.filter((x) => x.status === 'aangeboden');
  if (offered.length) {
    out.push(actionForm('Voorschot laten ingaan', 'kop-voorschot-start', [
      recordChoice('Voorschot', 'voorschotId', offered, (x) => x.voorschotId, voorschotLabel),
      field('Ingangsdatum', input('startDate', { type: 'date', required: true, value: today })),
    ], 'Voorschot laten ingaan', async (v) => {
      await post(`/api/v1/uitkeren/voorschotten/${v.voorschotId}/start`, { expectedVersion: await voorschotVersion(v.voorschotId), startDate: v.startDate });
      return shown(`Het voorschot gaat in op ${date(v.startDate)}.`);
    }));
  }
  return out;
}

const PHASES = ['contact-maken', 'verkennen', 'doelen-stellen', 'actie', 'afgerond'];
const PHASE_ENUM = {
  'contact-maken': 'TRAJECT_PHASE_CONTACT_MAKEN', verkennen: 'TRAJECT_PHASE_VERKENNEN', 'doelen-stellen': 'TRAJECT_PHASE_DOELEN_STELLEN',
  actie: 'TRAJECT_PHASE_ACTIE', afgerond: 'TRAJECT_PHASE_AFGEROND',
};
export const phaseName = (phase) => String(phase ?? '').replaceAll('-', ' ');

function trajectActions(p, today, shown) {
  const running = (p.reintegratietrajecten ?? []).filter((t) => t.phase !== 'afgerond');
  if (!running.length) return [];
  const label = (t) => `Traject in fase ${phaseName(t.phase)} (${t.doelen ?? 0} doelen, ${t.afspraken ?? 0} afspraken)`;
  const current = async (id) => {
    const { traject } = await get(`/api/v1/werkbedrijf/trajecten/${id}`);
    if (!traject?.version) throw Object.assign(new Error('Het traject is niet (meer) gevonden. Laad het klantbeeld opnieuw.'), { code: 5 });
    return traject;
  };
  const choice = (trajecten = running) => recordChoice('Traject', 'trajectId', trajecten, (t) => t.trajectId, label);
  // Goals are set from phase "doelen stellen" on (the rule the service enforces too).
  const settingGoals = running.filter((t) => ['doelen-stellen', 'actie'].includes(t.phase));
  return [
    actionForm('Volgende fase van het traject', 'kop-traject-fase', [
      choice(),
      field('Toelichting', textarea('note', { maxlength: 1000 }), 'De fasen volgen elkaar op: contact maken, verkennen, doelen stellen, actie, afgerond. Geen fase wordt overgeslagen.'),
    ], 'Naar de volgende fase', async (v) => {
      const traject = await current(v.trajectId);
      const from = PHASES.find((ph) => PHASE_ENUM[ph] === traject.phase) ?? PHASES[0];
      const next = PHASES[PHASES.indexOf(from) + 1];
      await post(`/api/v1/werkbedrijf/trajecten/${v.trajectId}/phase`, { expectedVersion: traject.version, phase: PHASE_ENUM[next], note: v.note });
      return shown(`Het traject is in de fase ${phaseName(next)}.`);
    }),
    settingGoals.length ? actionForm('Doel vastleggen', 'kop-traject-doel', [
      choice(settingGoals),
      field('Doel', textarea('description', { required: true, maxlength: 500 }), 'Wat de cliënt wil bereiken, in zijn eigen woorden.'),
    ], 'Doel vastleggen', async (v) => {
      const traject = await current(v.trajectId);
      await post(`/api/v1/werkbedrijf/trajecten/${v.trajectId}/doelen`, { expectedVersion: traject.version, description: v.description });
      return shown('Het doel is vastgelegd.');
    }) : h('p', { class: 'hint' }, 'Doelen legt u vast vanaf de fase doelen stellen.'),
    actionForm('Afspraak vastleggen', 'kop-traject-afspraak', [
      choice(),
      field('Afspraak', textarea('description', { required: true, maxlength: 500 })),
      field('Uiterlijk op', input('dueOn', { type: 'date', required: true, min: today })),
    ], 'Afspraak vastleggen', async (v) => {
      const traject = await current(v.trajectId);
      await post(`/api/v1/werkbedrijf/trajecten/${v.trajectId}/afspraken`, { expectedVersion: traject.version, description: v.description, dueOn: v.dueOn });
      return shown('De afspraak is vastgelegd.');
    }),
  ];
}

function smzRecordActions(p, role, today, shown) {
  const out = [];
  if (['verzekeringsarts', 'arbeidsdeskundige'].includes(role)) {
    out.push(actionForm('Beoordeling vastleggen', 'kop-beoordeling', [
      field('Soort beoordeling', select('type', [['', 'Kies…'], ...Object.entries(BEOORDELING_TYPES)], { required: true })),
      field('AO-klasse', select('aoKlasse', [['', 'Kies…'], ...Object.entries(AO_KLASSEN)], { required: true })),
      field('Mogelijkheden (FML), samengevat', textarea('fmlSummary', { required: true, maxlength: 1000 }), 'Zonder medische inhoud: dit zien de andere onderdelen.'),
      field('Datum besluit', input('decisionDate', { type: 'date', required: true, max: today, value: today })),
      field('Medische aantekeningen', textarea('medicalNotes', { maxlength: 4000 }), 'Medisch beroepsgeheim: blijft binnen SMZ.'),
    ], 'Beoordeling vastleggen', async (v) => {
      await post('/api/v1/smz/beoordelingen', {
        requestId: newRequestId(), clientId: p.clientId, type: v.type || undefined, aoKlasse: v.aoKlasse || undefined,
        fmlSummary: v.fmlSummary, decisionDate: v.decisionDate, medicalNotes: v.medicalNotes,
      });
      return shown('De beoordeling is vastgelegd.');
    }));
  }
  const uncalled = (p.herkeuringsaanvragen ?? []).filter((x) => !x.calledOn);
  if (uncalled.length && ['procesbegeleider', 'teamleider'].includes(role)) {
    out.push(actionForm('Herkeuring: cliënt gebeld', 'kop-herkeuring-bellen', [
      recordChoice('Herkeuringsaanvraag', 'aanvraagId', uncalled, (x) => x.aanvraagId,
        (x) => `Ontvangen ${date(x.receivedOn)}, bellen vóór ${date(x.callDueOn)}${x.late ? ' (te laat)' : ''}`,
        'Alleen een gesprek waarin u de cliënt bereikt telt voor de norm van 5 kalenderdagen.'),
      field('Gebeld op', input('calledOn', { type: 'date', required: true, max: today, value: today })),
      checkbox('reached', 'Cliënt bereikt'),
    ], 'Gesprek vastleggen', async (v) => {
      const version = await versionOf(async () => (await get(`/api/v1/smz/herkeuringsaanvragen/${v.aanvraagId}`)).aanvraag?.version, 'herkeuringsaanvraag');
      await post(`/api/v1/smz/herkeuringsaanvragen/${v.aanvraagId}/call`, { expectedVersion: version, calledOn: v.calledOn, reached: v.reached });
      return shown(v.reached ? 'Het gesprek is vastgelegd: de cliënt is bereikt.' : 'De belpoging is vastgelegd. Bel de cliënt opnieuw.');
    }));
  }
  const verzoeken = p.herbeoordelingsverzoeken ?? [];
  const verzoekLabel = (x) => `Verzoek van ${date(x.openedAt)}`;
  const verzoekVersion = (id, state) => versionOf(async () => {
    const { verzoeken: list } = await get('/api/v1/smz/herbeoordelingsverzoeken', { state, pageSize: 100 });
    return (list ?? []).find((x) => x.verzoekId === id)?.version;
  }, 'herbeoordelingsverzoek');
  const open = verzoeken.filter((x) => x.state === 'open');
  if (open.length) {
    out.push(actionForm('Herbeoordelingsverzoek oppakken', 'kop-verzoek-oppakken', [
      recordChoice('Verzoek', 'verzoekId', open, (x) => x.verzoekId, verzoekLabel, 'Werkbedrijf ziet dat SMZ het verzoek in behandeling heeft.'),
    ], 'Verzoek oppakken', async (v) => {
      await post(`/api/v1/smz/herbeoordelingsverzoeken/${v.verzoekId}/pick-up`, { expectedVersion: await verzoekVersion(v.verzoekId, 'VERZOEK_STATE_OPEN') });
      return shown('Het verzoek is opgepakt.');
    }));
  }
  const pickedUp = verzoeken.filter((x) => x.state === 'picked-up');
  const herbeoordelingen = (p.beoordelingen ?? []).filter((b) => b.type === BEOORDELING_TYPES.BEOORDELING_TYPE_HERBEOORDELING);
  if (pickedUp.length && ['verzekeringsarts', 'arbeidsdeskundige', 'teamleider'].includes(role)) {
    out.push(actionForm('Herbeoordelingsverzoek beantwoorden', 'kop-verzoek-antwoord', [
      recordChoice('Verzoek', 'verzoekId', pickedUp, (x) => x.verzoekId, verzoekLabel),
      herbeoordelingen.length
        ? recordChoice('Met de herbeoordeling', 'beoordelingId', herbeoordelingen, (b) => b.beoordelingId, (b) => `Herbeoordeling van ${date(b.decisionDate)}: ${b.aoKlasse}`)
        : h('p', {}, 'Leg eerst de herbeoordeling vast; daarmee beantwoordt u het verzoek.'),
      field('Uitkomst voor Werkbedrijf', textarea('outcome', { required: true, maxlength: 500 }), 'Kort en zonder medische inhoud.'),
    ], 'Verzoek beantwoorden', async (v) => {
      await post(`/api/v1/smz/herbeoordelingsverzoeken/${v.verzoekId}/answer`, {
        expectedVersion: await verzoekVersion(v.verzoekId, 'VERZOEK_STATE_PICKED_UP'), beoordelingId: v.beoordelingId, outcome: v.outcome,
      });
      return shown('Het verzoek is beantwoord. Werkbedrijf ziet de uitkomst.');
    }));
  }
  return out;
}

const monthFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = (period) => monthFormat.format(new Date(`${period}-01T00:00:00Z`));

/**
 * Income signals without an uitkering in their month wait for the uitkeringsdeskundige's review (they are on the
 * worklist); the review is closed with a note of what was found and done. Loaded with the picture, shown only when
 * there is one to review.
 */
function inkomstenReview(p, shown) {
  const container = h('div', {});
  (async () => {
    let signalen;
    try {
      ({ signalen } = await get(`/api/v1/uitkeren/clients/${p.clientId}/inkomstensignalen`));
    } catch (error) {
      container.append(alert('error', `De inkomstensignalen konden niet worden geladen: ${error.message}`));
      return;
    }
    const open = (signalen ?? []).filter((x) => x.status === 'te-beoordelen');
    if (!open.length) return;
    container.append(actionForm('Inkomsten beoordelen', 'kop-inkomsten-beoordelen', [
      recordChoice('Inkomstensignaal', 'signaalId', open, (x) => x.signaalId, (x) => `${monthName(x.period)}: ${euro(x.incomeCents)}`,
        'Inkomsten over een maand zonder uitkering: beoordeel of er iets te verrekenen of terug te vorderen is.'),
      field('Wat is er gevonden en gedaan?', textarea('note', { required: true, maxlength: 2000 })),
    ], 'Beoordeling afronden', async (v) => {
      const { signalen: now } = await get(`/api/v1/uitkeren/clients/${p.clientId}/inkomstensignalen`);
      const version = (now ?? []).find((x) => x.signaalId === v.signaalId)?.version;
      await post(`/api/v1/uitkeren/inkomstensignalen/${v.signaalId}/review`, { expectedVersion: version, note: v.note });
      return shown('De beoordeling van de inkomsten is afgerond.');
    }));
  })();
  return container;
}
