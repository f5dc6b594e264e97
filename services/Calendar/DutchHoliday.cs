namespace Uwv.Calendar;

/// <summary>A general holiday (algemeen erkende feestdag) on a given date, with its Dutch name.</summary>
public sealed record DutchHoliday(DateOnly Date, string Name);
