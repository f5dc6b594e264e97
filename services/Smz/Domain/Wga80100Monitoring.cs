using Uwv.Contracts.Smz.V1;

namespace Uwv.Smz.Domain;

/// <summary>
/// Monitoring WGA 80-100 medisch (seed 004): SMZ contacts these clients at least once a year. The next contact is due a
/// year after the last one, or a year after the beoordeling that placed the client in WGA 80-100. Pure rules.
/// </summary>
public static class Wga80100Monitoring
{
    public static bool Applies(AoKlasse klasse) => klasse == AoKlasse._80100Wga;

    public static DateOnly NextContactDue(DateOnly since, DateOnly? lastContactOn) => (lastContactOn ?? since).AddYears(1);

    public static bool IsOverdue(DateOnly nextContactDueOn, DateOnly today) => today > nextContactDueOn;

    /// <summary>Listed when due on or before <paramref name="today"/> plus <paramref name="withinDays"/>.</summary>
    public static DateOnly ListedUntil(DateOnly today, int withinDays) => today.AddDays(withinDays);
}
