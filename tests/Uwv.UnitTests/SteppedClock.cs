namespace Uwv.UnitTests;

/// <summary>A clock whose timestamps move only when the test moves them.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private long _ticks = 1;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
