using Uwv.ServiceDefaults.Grpc;

namespace Uwv.ServiceDefaults.Auth;

/// <summary>
/// Purpose binding (doel van inzage): reading a client's picture or a beoordeling names why, as one code of a fixed
/// list plus optional free text. The code makes the audit log countable per purpose; the text explains the case.
/// </summary>
public static class InzageDoel
{
    public const int MaxNote = 200;

    /// <summary>The fixed list: code and the Dutch label the web shows.</summary>
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["klantcontact"] = "Contact met de cliënt",
        ["dossierbehandeling"] = "Behandeling van het dossier",
        ["beoordeling"] = "Sociaal-medische beoordeling",
        ["overdracht"] = "Overdracht tussen organisatieonderdelen",
        ["terugbelverzoek"] = "Terugbelverzoek afhandelen",
        ["bezwaar"] = "Bezwaar of beroep behandelen",
        ["nazorg"] = "Nazorg na een beoordeling of beslissing",
        ["casusoverleg"] = "Casusoverleg",
    };

    /// <summary>
    /// The purpose of a read, as the audit log keeps it (<c>code</c> or <c>code: note</c>); INVALID_ARGUMENT naming
    /// <c>purpose</c> when no code of the list is given, or <c>purpose_note</c> when the text is too long.
    /// </summary>
    public static string Require(string code, string note)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw RpcErrors.InvalidArgument("purpose", "is required: one of " + string.Join(", ", Codes.Keys));
        }
        if (!Codes.ContainsKey(trimmed))
        {
            throw RpcErrors.InvalidArgument("purpose", "must be one of " + string.Join(", ", Codes.Keys));
        }
        var text = Grpc.Require.OptionalText(note, "purpose_note", MaxNote);
        return text is null ? trimmed : $"{trimmed}: {text}";
    }
}
