namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// A refused registration (the BSN is already registered, possibly by another area team) tells the caller that the
/// person is a UWV client. An employee may be refused only a few times an hour; after that, every registration of theirs
/// is refused (RESOURCE_EXHAUSTED) before the register is looked at, so probing many BSNs is slow and visible.
/// </summary>
public static class RegistrationProbing
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public const int DefaultRefusalsPerHour = 10;

    /// <summary>Whether an employee refused <paramref name="refusalsInWindow"/> times in the last hour may register again.</summary>
    public static bool MayRegister(int refusalsInWindow, int refusalsPerHour) => refusalsInWindow < refusalsPerHour;
}
