using Uwv.Klantbeeld.Domain;
using Uwv.Klantbeeld.Grpc;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>Probing the register for BSNs: an employee is refused only a few registrations an hour.</summary>
public sealed class RegistrationProbingTests
{
    [Fact]
    public void Register_BelowTheHourlyRefusals_IsAllowed() => RegistrationProbing.MayRegister(9, 10).ShouldBeTrue();

    [Fact]
    public void Register_AtTheHourlyRefusals_IsRefused() => RegistrationProbing.MayRegister(10, 10).ShouldBeFalse();

    [Fact]
    public void Refusals_OlderThanAnHour_NoLongerCount()
    {
        var clock = new SettableClock(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var refusals = new RefusedRegistrations(clock, 2);
        refusals.Refused("jurist.arnhem-noord");
        refusals.Refused("jurist.arnhem-noord");
        refusals.CountSince("jurist.arnhem-noord", clock.GetUtcNow() - RegistrationProbing.Window).ShouldBe(2);
        refusals.CountSince("adviseur.arnhem-noord", clock.GetUtcNow() - RegistrationProbing.Window).ShouldBe(0);

        clock.Advance(TimeSpan.FromMinutes(61));
        refusals.CountSince("jurist.arnhem-noord", clock.GetUtcNow() - RegistrationProbing.Window).ShouldBe(0);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
