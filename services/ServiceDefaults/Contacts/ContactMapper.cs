using System.Globalization;
using Uwv.Contracts.Casework.V1;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.ServiceDefaults.Contacts;

/// <summary>Contacts and terugbelverzoeken on the wire, and the small parsing helpers the division APIs share.</summary>
public static class ContactMapper
{
    /// <summary>The next page's token when a further row exists (queries take one row more than the page).</summary>
    public static string NextToken(int offset, int size, int fetched) =>
        fetched > size ? (offset + size).ToString(CultureInfo.InvariantCulture) : "";

    public static Contact ToProto(ContactRecord c) => new()
    {
        ContactId = c.ContactId.ToString(),
        ClientId = c.ClientId.ToString(),
        Channel = c.Channel,
        Subject = c.Subject,
        Reached = c.Reached,
        ContactAt = Iso(c.ContactAt),
        LoggedBy = c.LoggedBy,
    };

    public static Terugbelverzoek ToProto(TerugbelverzoekRecord t, DateTimeOffset now) => new()
    {
        TerugbelverzoekId = t.TerugbelverzoekId.ToString(),
        ClientId = t.ClientId.ToString(),
        Subject = t.Subject,
        WwQuestion = t.WwQuestion,
        RequestedAt = Iso(t.RequestedAt),
        DueAt = Iso(t.DueAt),
        CompletedAt = t.CompletedAt is { } done ? Iso(done) : "",
        Overdue = TerugbelTermijn.IsOverdue(t.DueAt, t.CompletedAt, now),
        OwnerTeam = t.AreaTeam,
        Version = t.Version,
    };

    public static string ChannelName(ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "telefoon",
        ContactChannel.Email => "e-mail",
        ContactChannel.Letter => "brief",
        ContactChannel.InPerson => "persoonlijk",
        ContactChannel.Video => "video",
        _ => "onbekend",
    };

    /// <summary>An optional ISO 8601 instant with an offset; empty means none.</summary>
    public static DateTimeOffset? OptionalInstant(string value, string field, DateTimeOffset notAfter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || !value.Contains('T', StringComparison.Ordinal))
        {
            throw RpcErrors.InvalidArgument(field, "must be an ISO 8601 instant such as 2026-03-02T09:30:00+01:00");
        }
        if (instant > notAfter)
        {
            throw RpcErrors.InvalidArgument(field, "must not be in the future");
        }
        return instant;
    }

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
