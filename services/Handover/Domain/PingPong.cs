using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>One change of owning division in a dossier lineage (a transfer or a return).</summary>
public sealed record DossierMove(DivisionCode From, DivisionCode To, DateTimeOffset At);

/// <summary>A ping-pong: <see cref="Kind"/> is "direct" (X→Y→X) or "indirect" (X→Y→…→X); <see cref="Count"/> includes this one.</summary>
public sealed record PingPongResult(string Kind, int Count, bool Casusoverleg);

/// <summary>
/// A dossier that comes back to a division it left within the window is a ping-pong. Direct when it comes straight
/// back from the division it was sent to; indirect when it passed other divisions on the way. The second ping-pong
/// of a lineage flags the case for a casusoverleg of the integrated team (and every later one keeps it flagged).
/// </summary>
public static class PingPong
{
    public const string Direct = "direct";
    public const string Indirect = "indirect";
    public const int CasusoverlegFrom = 2;

    /// <summary>Whether <paramref name="next"/> is a ping-pong given the lineage's earlier moves (oldest first).</summary>
    public static PingPongResult? Detect(IReadOnlyList<DossierMove> history, DossierMove next, TimeSpan window)
    {
        var kind = KindOf(history, next, window);
        if (kind is null)
        {
            return null;
        }
        var count = 1;
        for (var i = 0; i < history.Count; i++)
        {
            if (KindOf(history.Take(i).ToList(), history[i], window) is not null)
            {
                count++;
            }
        }
        return new PingPongResult(kind, count, count >= CasusoverlegFrom);
    }

    private static string? KindOf(IReadOnlyList<DossierMove> history, DossierMove next, TimeSpan window)
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var left = history[i];
            if (left.From != next.To)
            {
                continue;
            }
            if (next.At - left.At > window)
            {
                return null;
            }
            return i == history.Count - 1 && left.To == next.From ? Direct : Indirect;
        }
        return null;
    }
}
