using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Casework.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.Calendar;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.ServiceDefaults.Deadlines;

namespace Uwv.ServiceDefaults.Contacts;

/// <summary>A contact as a division's request carries it (each division API has its own request type).</summary>
public sealed record ContactInput(string RequestId, string ClientId, ContactChannel Channel, string Subject, bool Reached, string ContactAt);

/// <summary>
/// Contacts and terugbelverzoeken, the same in every division: log a contact, create a terugbelverzoek with its
/// stored due moment, complete it (which logs the call), and list the overdue ones of the caller's area team.
/// </summary>
public sealed class ContactCommands<TContext>(TContext db, DossierCommands<TContext> dossiers, OfficeHours office, TimeProvider clock)
    where TContext : DivisionDbContext
{
    /// <summary>Logs a contact. <paramref name="alsoDo"/> runs before the commit, so a division can change its own state in the same transaction.</summary>
    public async Task<ContactRecord> LogAsync(
        DivisionCode division, ContactInput input, ClaimsPrincipal user, CancellationToken ct, Func<ContactRecord, Task>? alsoDo = null)
    {
        var requestId = Require.RequestId(input.RequestId);
        if (requestId is not null && await db.Contacts.AsNoTracking()
                .FirstOrDefaultAsync(c => c.LoggedBy == user.SubjectId() && c.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.EnsureMayRepeatAsync(repeat.ClientId, repeat.AreaTeam, user, ct);
            return repeat;
        }
        var channel = Require.Defined(input.Channel, "channel");
        var subject = Require.Text(input.Subject, "subject", ContactModel.MaxSubject);
        var now = clock.GetUtcNow();
        var contactAt = ContactMapper.OptionalInstant(input.ContactAt, "contact_at", notAfter: now.AddMinutes(5)) ?? now;
        var (clientId, client) = await dossiers.RequireClientAsync(input.ClientId, user, ct);
        var contact = Add(division, clientId, client.AreaTeam, channel, subject, input.Reached, contactAt, user, now);
        contact.RequestId = requestId;
        if (alsoDo is not null)
        {
            await alsoDo(contact);
        }
        await db.SaveChangesAsync(ct);
        return contact;
    }

    /// <summary>Adds a contact and its event without committing: for a division that logs one as part of another change.</summary>
    public ContactRecord Add(
        DivisionCode division, Guid clientId, string areaTeam, ContactChannel channel, string subject, bool reached,
        DateTimeOffset contactAt, ClaimsPrincipal user, DateTimeOffset now)
    {
        var contact = new ContactRecord
        {
            ContactId = Guid.NewGuid(),
            ClientId = clientId,
            Division = division,
            AreaTeam = areaTeam,
            Channel = channel,
            Subject = subject,
            Reached = reached,
            ContactAt = contactAt,
            LoggedBy = user.SubjectId(),
        };
        db.Contacts.Add(contact);
        db.Publish(new ContactLogged(contact.ContactId, clientId, division, areaTeam, ContactMapper.ChannelName(channel), subject, reached, contact.LoggedBy, contactAt, now), now);
        return contact;
    }

    public async Task<TerugbelverzoekRecord> CreateTerugbelverzoekAsync(
        DivisionCode division, string rawRequestId, string rawClientId, string rawSubject, bool wwQuestion, ClaimsPrincipal user, CancellationToken ct)
    {
        var requestId = Require.RequestId(rawRequestId);
        if (requestId is not null && await db.Terugbelverzoeken.AsNoTracking()
                .FirstOrDefaultAsync(t => t.RequestedBy == user.SubjectId() && t.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.EnsureMayRepeatAsync(repeat.ClientId, repeat.AreaTeam, user, ct);
            return repeat;
        }
        var subject = Require.Text(rawSubject, "subject", ContactModel.MaxSubject);
        var (clientId, client) = await dossiers.RequireClientAsync(rawClientId, user, ct);
        var now = clock.GetUtcNow();
        var verzoek = new TerugbelverzoekRecord
        {
            TerugbelverzoekId = Guid.NewGuid(),
            ClientId = clientId,
            Division = division,
            AreaTeam = client.AreaTeam,
            Subject = subject,
            WwQuestion = wwQuestion,
            RequestedAt = now,
            RequestedBy = user.SubjectId(),
            DueAt = TerugbelTermijn.DueAt(now, wwQuestion, office),
            RequestId = requestId,
            Version = 1,
        };
        db.Terugbelverzoeken.Add(verzoek);
        db.SetNorm(new NormSubject(Norms.Terugbelverzoek, wwQuestion ? TerugbelNormCategory.Ww : "", verzoek.TerugbelverzoekId, clientId, division, verzoek.AreaTeam),
            NormTerms.Terugbelverzoek(now, wwQuestion, office), now);
        db.Publish(new TerugbelverzoekCreated(verzoek.TerugbelverzoekId, clientId, division, verzoek.AreaTeam, subject, wwQuestion,
            verzoek.RequestedAt, verzoek.DueAt, null, verzoek.Version, now), now);
        await db.SaveChangesAsync(ct);
        return verzoek;
    }

    /// <summary>
    /// The client was called back: the terugbelverzoek is completed, the call is logged as a phone contact, and its norm
    /// resolves (met, late, or not-reached when the call did not reach the client).
    /// </summary>
    public async Task<TerugbelverzoekRecord> CompleteTerugbelverzoekAsync(
        string rawId, long expectedVersion, bool reached, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = Require.Id(rawId, "terugbelverzoek_id");
        var verzoek = await db.Terugbelverzoeken.FirstOrDefaultAsync(t => t.TerugbelverzoekId == id, ct)
            ?? throw RpcErrors.NotFound("terugbelverzoek", rawId);
        AuditCall.NameClient(verzoek.ClientId);
        TeamScope.EnsureSameTeam(user, verzoek.AreaTeam);
        ExpectedVersion.Check(expectedVersion, verzoek.Version, "terugbelverzoek");
        if (verzoek.CompletedAt is not null)
        {
            throw RpcErrors.FailedPrecondition("terugbelverzoek-open", "the terugbelverzoek was already completed");
        }
        var now = clock.GetUtcNow();
        verzoek.CompletedAt = now;
        verzoek.CompletedBy = user.SubjectId();
        verzoek.Reached = reached;
        verzoek.Version++;
        await db.ResolveOpenNormAsync(Norms.Terugbelverzoek, verzoek.TerugbelverzoekId, due => NormRules.Outcome(due, now, reached), now, now, ct);
        Add(verzoek.Division, verzoek.ClientId, verzoek.AreaTeam, ContactChannel.Phone, "Terugbelverzoek: " + verzoek.Subject, reached, now, user, now);
        db.Publish(new TerugbelverzoekCompleted(verzoek.TerugbelverzoekId, verzoek.ClientId, verzoek.Division, verzoek.AreaTeam, verzoek.Subject,
            verzoek.WwQuestion, verzoek.RequestedAt, verzoek.DueAt, verzoek.CompletedAt, verzoek.Version, now), now);
        await db.SaveChangesAsync(ct);
        return verzoek;
    }

    /// <summary>Open terugbelverzoeken of the caller's area team past their due moment, the earliest due first.</summary>
    public async Task<(IReadOnlyList<TerugbelverzoekRecord> Items, string NextPageToken)> ListOverdueAsync(
        string pageToken, int pageSize, ClaimsPrincipal user, CancellationToken ct)
    {
        var (offset, size) = Paging.Parse(pageToken, pageSize);
        var team = user.TeamOf() ?? throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the caller belongs to no area team");
        var now = clock.GetUtcNow();
        var page = await db.Terugbelverzoeken.AsNoTracking()
            .Where(t => t.AreaTeam == team && t.CompletedAt == null && t.DueAt < now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.TerugbelverzoekId)
            .Skip(offset).Take(size + 1)
            .ToListAsync(ct);
        return (page.Take(size).ToList(), ContactMapper.NextToken(offset, size, page.Count));
    }
}
