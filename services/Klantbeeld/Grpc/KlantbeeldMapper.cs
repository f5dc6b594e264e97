using System.Globalization;
using Uwv.Calendar;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Events;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Klantbeeld.Domain;
using Proto = Uwv.Contracts.Klantbeeld.V1;

namespace Uwv.Klantbeeld.Grpc;

internal static class KlantbeeldMapper
{
    /// <summary>The picture as the caller may see it: groups the decision does not allow are removed here, server-side.</summary>
    public static Proto.Klantbeeld ToProto(KlantbeeldDocument doc, AccessDecision decision, DateTimeOffset now, OfficeHours office)
    {
        var full = ToProto(doc, now, office);
        FieldGroups.Strip(full, decision.FieldGroups);
        full.FieldGroups.AddRange(decision.OrderedGroups);
        return full;
    }

    public static Proto.Klantbeeld ToProto(KlantbeeldDocument doc, DateTimeOffset now, OfficeHours office)
    {
        var result = new Proto.Klantbeeld
        {
            ClientId = doc.ClientId.ToString(),
            Bsn = doc.Bsn ?? "",
            Name = doc.Name ?? "",
            DateOfBirth = doc.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Postcode = doc.Postcode ?? "",
            AreaTeam = doc.AreaTeam ?? "",
            KlantreisStatus = KlantreisStatus.Describe(doc),
            UpdatedAt = Iso(doc.LastEventAt),
        };
        result.Dossiers.AddRange(doc.Dossiers.Select(d => new Dossier
        {
            DossierId = d.DossierId.ToString(),
            ClientId = doc.ClientId.ToString(),
            Division = ToProto(d.Division),
            OwnerTeam = d.OwnerTeam,
            OwnerEmployee = d.OwnerEmployee,
            Status = d.Status,
            OpenedAt = Iso(d.OpenedAt),
        }));
        result.Moves.AddRange(doc.Moves.Select(m => new ClientMove
        {
            OldPostcode = m.OldPostcode,
            NewPostcode = m.NewPostcode,
            OldAreaTeam = m.OldAreaTeam,
            NewAreaTeam = m.NewAreaTeam,
            MovedAt = Iso(m.MovedAt),
        }));
        DivisionMapper.Fill(result, doc, now, office);
        HandoverMapper.Fill(result, doc);
        return result;
    }

    public static Division ToProto(DivisionCode code) => (Division)(int)code;

    public static Contracts.Klantbeeld.V1.WorkItem ToProto(Domain.WorkItem item, DateTimeOffset now) => new()
    {
        Key = item.Key,
        ClientId = item.ClientId.ToString(),
        ClientName = item.ClientName,
        Kind = item.Kind,
        Division = item.Division is { } d ? ToProto(d) : Division.Unspecified,
        Employee = item.Employee,
        DueAt = item.DueAt is { } due ? Iso(due) : "",
        Overdue = item.DueAt is { } at && at < now,
        Title = item.Title,
        Stand = item.Stand ?? "",
    };

    internal static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
