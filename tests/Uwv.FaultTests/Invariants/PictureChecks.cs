using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;

namespace Uwv.FaultTests.Invariants;

/// <summary>
/// The klantbeeld shows each committed fact once: per client, the beoordelingen, dossiers (with their status), handovers
/// (with their state) and contacts in the picture are exactly those in the services' databases. Read through the
/// gateway as an employee of the client's team.
/// </summary>
public static class PictureChecks
{
    /// <summary>Checks the pictures of the clients <paramref name="inScope"/> accepts.</summary>
    public static async Task<List<string>> CheckAsync(PlatformFacts f, PlatformClient client, Func<Guid, bool> inScope)
    {
        var violations = new List<string>();
        await Parallel.ForEachAsync(f.Clients.Where(c => inScope(c.ClientId)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, ct) =>
        {
            var found = await CheckClientAsync(f, client, c, ct);
            lock (violations)
            {
                violations.AddRange(found);
            }
        });
        return violations;
    }

    private static async Task<List<string>> CheckClientAsync(PlatformFacts f, PlatformClient client, ClientFact c, CancellationToken ct)
    {
        var violations = new List<string>();
        Klantbeeld picture;
        try
        {
            picture = (await client.Klantbeeld.GetKlantbeeldAsync(
                new GetKlantbeeldRequest { ClientId = c.ClientId.ToString(), Purpose = "dossierbehandeling", PurposeNote = "controle na storing" },
                client.As("procesbegeleider." + c.AreaTeam), cancellationToken: ct)).Klantbeeld;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return [$"client {c.ClientId}: no picture"];
        }
        Compare(violations, c, "beoordelingen",
            f.Beoordelingen.Where(b => b.ClientId == c.ClientId).Select(b => b.BeoordelingId.ToString()),
            picture.Beoordelingen.Select(b => b.BeoordelingId));
        Compare(violations, c, "dossiers",
            f.Dossiers.Where(d => d.ClientId == c.ClientId).Select(d => $"{d.DossierId} {(int)d.Division} {d.Status}"),
            picture.Dossiers.Select(d => $"{d.DossierId} {(int)d.Division} {d.Status}"));
        Compare(violations, c, "handovers",
            f.Handovers.Where(h => h.ClientId == c.ClientId).Select(h => $"{h.HandoverId} {h.State}"),
            picture.Handovers.Select(h => $"{h.HandoverId} {h.State}"));
        Compare(violations, c, "contacts",
            f.Contacts.Where(x => x.ClientId == c.ClientId).Select(x => x.ContactId.ToString()),
            picture.Contacts.Select(x => x.ContactId));
        return violations;
    }

    /// <summary>Compares as lists, so a fact shown twice counts as a difference too.</summary>
    private static void Compare(List<string> violations, ClientFact c, string what, IEnumerable<string> committed, IEnumerable<string> shown)
    {
        var expected = committed.Order(StringComparer.Ordinal).ToList();
        var actual = shown.Order(StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actual))
        {
            violations.Add($"client {c.ClientId}: {what} in the picture [{string.Join(", ", actual)}], committed [{string.Join(", ", expected)}]");
        }
    }
}
