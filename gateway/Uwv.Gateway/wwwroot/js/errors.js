// API errors as plain Dutch messages. The body is a google.rpc.Status ({"code": n, "message": "...", "details": [...]}):
// the field of a bad input comes from its BadRequest detail, the rule of a refusal from its ErrorInfo detail; the
// server's English text is never read nor shown, so a stack trace or internal detail cannot reach the screen.

const FIELDS = {
  client_id: 'de cliënt', bsn: 'het BSN', name: 'de naam', date_of_birth: 'de geboortedatum', postcode: 'de postcode',
  new_postcode: 'de nieuwe postcode', reason: 'de reden', dossier_id: 'het dossier', from_division: 'het organisatieonderdeel van herkomst',
  to_division: 'het ontvangende organisatieonderdeel', outcome: 'de uitkomst', purpose: 'het doel van inzage', purpose_note: 'de toelichting bij het doel', subject: 'het onderwerp',
  expected_version: 'de versie', from_date: 'de begindatum', to_date: 'de einddatum', area_team: 'het gebiedsteam',
  handover_id: 'de overdracht', reason_category: 'de soort reden', note: 'de notitie', factor: 'de factor', channel: 'het kanaal',
  attempted_at: 'het tijdstip van de belpoging', extra_needs: 'de extra behoeften', open_questions: 'de open vragen',
  page_size: 'het aantal per pagina', page_token: 'de pagina', employee: 'de medewerker', request_id: 'het verzoek',
  receiving_colleague: 'de ontvangende collega', terugbelverzoek_id: 'het terugbelverzoek',
};

/** What each business rule means for the employee, and what to do about it. */
export const RULES = {
  'nazorg-done': 'Overdragen kan nog niet: de nazorg is niet gedaan. Bel de cliënt eerst na (nazorggesprek) en leg de uitkomst vast. Na drie onbeantwoorde belpogingen op verschillende dagen stuurt u een brief of e-mail.',
  'written-message-after-unanswered-attempts': 'Een brief of e-mail kan pas na drie onbeantwoorde belpogingen, verspreid over ten minste twee werkdagen.',
  'warm-handover': 'Voor deze cliënt is een warme overdracht nodig: de ontvangende collega moet de persoonlijke kennismaking eerst bevestigen.',
  'warm-handover-colleague': 'Alleen de genoemde ontvangende collega kan de warme overdracht bevestigen.',
  'warm-handover-arranged': 'Er is nog geen ontvangende collega voor de warme overdracht aangewezen.',
  'handover-state': 'Deze stap past niet bij de huidige stand van de overdracht. Vernieuw de pagina om de actuele stand te zien.',
  'one-open-handover': 'Voor dit dossier loopt al een overdracht. Rond die eerst af.',
  'owner-division': 'Het dossier ligt niet bij het organisatieonderdeel waarvandaan u wilt overdragen.',
  'override-not-needed': 'De nazorg is al gedaan; doorbreken is niet nodig.',
  'postcode-in-area': 'Deze postcode valt buiten de postcodegebieden van de Arnhemse gebiedsteams.',
  'terugbelverzoek-open': 'Dit terugbelverzoek is al afgehandeld.',
  'casusoverleg-pending': 'Voor deze overdracht wacht geen casusoverleg op een uitkomst: het dossier ging er niet heen, of de uitkomst is al vastgelegd.',
  'bezwaar-open': 'Dit kan alleen bij een bezwaar dat nog in behandeling is.',
  'contact-recorded-once': 'Het eerste contact over dit bezwaar is al vastgelegd.',
  'verdaging-once': 'De beslistermijn is al eens verdaagd; nog een keer uitstellen kan alleen met instemming van de cliënt.',
  'one-herstel-at-a-time': 'Er loopt al een herstel verzuim.',
  'herstel-pending': 'Er loopt geen herstel verzuim om af te ronden.',
  'horen-is-de-norm': 'Hoor de cliënt eerst, of leg vast waarom van horen is afgezien (Awb 7:3), voordat u inhoudelijk beslist.',
  'te-laat-niet-verschoonbaar': 'Dit bezwaar is te laat ingediend en de termijnoverschrijding is niet verschoonbaar: het is niet-ontvankelijk.',
  'beroep-after-beslissing': 'Beroep gaat tegen de beslissing op bezwaar: beslis eerst op het bezwaar.',
  'beslistermijn-lapsed': 'Een ingebrekestelling kan pas als de beslistermijn is verstreken.',
  'one-ingebrekestelling': 'Er is al een ingebrekestelling vastgelegd; alleen de eerste telt.',
  consent: 'Een signaal wordt alleen vastgelegd met toestemming van de cliënt.',
  'phase-order': 'De fasen van het traject volgen elkaar op: contact maken, verkennen, doelen stellen, actie, afgerond. Een fase overslaan of teruggaan kan niet.',
  'traject-afgerond': 'Dit traject is afgerond; er kan niets meer aan worden toegevoegd.',
  'doelen-from-doelen-stellen': 'Doelen legt u vast vanaf de fase doelen stellen.',
  'one-traject': 'Deze cliënt heeft al een lopend re-integratietraject.',
  'one-open-verzoek': 'Er loopt al een herbeoordelingsverzoek voor deze cliënt dat SMZ nog niet heeft beantwoord.',
  'verzoek-open': 'Dit herbeoordelingsverzoek is al opgepakt.',
  'verzoek-picked-up': 'Pak het herbeoordelingsverzoek eerst op; een beantwoord verzoek kan niet nog eens worden beantwoord.',
  'answer-with-herbeoordeling': 'Een herbeoordelingsverzoek beantwoordt u met een herbeoordeling.',
  'herbeoordeling-after-verzoek': 'De herbeoordeling moet zijn vastgelegd nadat het verzoek binnenkwam.',
  'earlier-beoordeling-known': 'Er is geen eerdere beoordeling van deze cliënt om de herbeoordeling mee te vergelijken.',
  'one-uitkering-per-wet': 'De cliënt heeft in deze periode al een uitkering op grond van dezelfde wet.',
  'one-voorschot': 'De cliënt heeft al een voorschot dat is aangeboden of loopt.',
  'voorschot-while-wia-claim-pending': 'Een voorschot is alleen voor een cliënt van wie de WIA-claimbeoordeling nog loopt.',
  'voorschot-open': 'Dit voorschot is verrekend of ingetrokken; er hoeft niet meer over gebeld te worden.',
  'voorschot-aangeboden': 'Alleen een aangeboden voorschot kan ingaan.',
  'herkeuring-call-open': 'Over deze herkeuringsaanvraag is de cliënt al gebeld.',
  'one-open-herkeuringsaanvraag': 'Er loopt al een herkeuringsaanvraag voor deze cliënt.',
  'already-assigned': 'Dit dossier is al aan u toegewezen.',
  'dossier-closed': 'Dit dossier is afgesloten; er verandert niets meer aan.',
  'signaal-te-beoordelen': 'Dit inkomstensignaal is al beoordeeld of verrekend.',
};

const STATUS = {
  3: 'De invoer is niet volledig of niet juist.',
  5: 'Niet gevonden. Misschien is het verwijderd of is het nummer onjuist.',
  6: 'Dit bestaat al.',
  7: 'U heeft geen toegang tot deze gegevens of deze handeling.',
  9: 'Deze handeling kan nu niet.',
  10: 'Iemand anders heeft dit intussen gewijzigd. Vernieuw de pagina en probeer het opnieuw.',
  14: 'De dienst is even niet bereikbaar. Probeer het over een minuut opnieuw.',
  16: 'Uw sessie is verlopen. Log opnieuw in.',
};

const HTTP_TO_GRPC = { 400: 3, 401: 16, 403: 7, 404: 5, 409: 10, 429: 14, 503: 14, 504: 14 };

export class ApiError extends Error {
  constructor(code, dutch, { field, rule } = {}) {
    super(dutch);
    this.code = code;
    this.field = field;
    this.rule = rule;
  }
}

/** Why an access was refused (ErrorInfo reason of a PERMISSION_DENIED). */
const ACCESS = {
  'area-team': 'Deze gegevens horen bij een ander gebiedsteam; u heeft er geen toegang toe.',
  'client-access': 'U heeft geen toegang tot deze cliënt: de cliënt hoort bij een ander gebiedsteam.',
  division: 'Deze handeling is voorbehouden aan medewerkers van het betrokken organisatieonderdeel.',
  role: 'Uw rol geeft geen toegang tot deze gegevens of deze handeling.',
};

const detail = (body, type) =>
  (Array.isArray(body?.details) ? body.details : []).find((d) => d?.['@type'] === `type.googleapis.com/google.rpc.${type}`);

/** Turns an HTTP failure (and its google.rpc.Status body, when there is one) into an ApiError with a Dutch message. */
export function toApiError(httpStatus, body) {
  const code = typeof body?.code === 'number' ? body.code : HTTP_TO_GRPC[httpStatus] ?? 13;
  const field = detail(body, 'BadRequest')?.fieldViolations?.[0]?.field;
  const rule = detail(body, 'ErrorInfo')?.reason;
  if (code === 3 && field) {
    const text = FIELDS[field] ? `Controleer ${FIELDS[field]}: die is niet ingevuld of niet juist.` : STATUS[3];
    return new ApiError(code, text, { field });
  }
  if (code === 9 && rule) {
    const text = RULES[rule] ?? `Deze handeling kan nu niet: aan de regel "${rule}" is nog niet voldaan.`;
    return new ApiError(code, text, { rule });
  }
  if (code === 7 && ACCESS[rule]) {
    return new ApiError(code, ACCESS[rule], { rule });
  }
  return new ApiError(code, STATUS[code] ?? 'Er ging iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan bij de servicedesk.');
}

export const networkError = () =>
  new ApiError(14, 'Geen verbinding met de 1UWV-dienst. Controleer uw netwerk en probeer het opnieuw.');
