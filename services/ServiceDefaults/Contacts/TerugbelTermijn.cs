using Uwv.Calendar;

namespace Uwv.ServiceDefaults.Contacts;

/// <summary>
/// The service level of a terugbelverzoek (seed 004): the client is called back within 24 hours; a WW question
/// within 4 office hours (kantooruren, <see cref="OfficeHours"/>). Pure rules.
/// </summary>
public static class TerugbelTermijn
{
    public static readonly TimeSpan Standard = TimeSpan.FromHours(24);
    public static readonly TimeSpan WwOfficeHours = TimeSpan.FromHours(4);

    /// <summary>The moment the callback is due: 24 clock hours after the request, or 4 office hours for a WW question.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset requestedAt, bool wwQuestion, OfficeHours office) =>
        wwQuestion ? office.AddOfficeHours(requestedAt, WwOfficeHours) : requestedAt + Standard;

    /// <summary>Open and past its due moment at <paramref name="now"/>.</summary>
    public static bool IsOverdue(DateTimeOffset dueAt, DateTimeOffset? completedAt, DateTimeOffset now) =>
        completedAt is null && now > dueAt;
}

/// <summary>The category of a terugbelverzoek's norm deadline: "ww" for a WW question (4 office hours), empty for the 24 hours.</summary>
public static class TerugbelNormCategory
{
    public const string Ww = "ww";
}
