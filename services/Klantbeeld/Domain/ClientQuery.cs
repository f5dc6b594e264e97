namespace Uwv.Klantbeeld.Domain;

/// <summary>What a search for a client asks: a BSN (nine digits passing the elfproef), a client number, or (part of) a name.</summary>
public sealed record ClientQuery(ClientQuery.Kinds Kind, string Value)
{
    public enum Kinds
    {
        Bsn,
        ClientNumber,
        Name,
    }

    public const int MinNameLength = 2;
    public const int MaxLength = 200;

    /// <summary>The query, or the reason it cannot be one (answered as INVALID_ARGUMENT on "query").</summary>
    public static (ClientQuery? Query, string? Invalid) Parse(string? raw)
    {
        var text = (raw ?? "").Trim();
        if (text.Length == 0)
        {
            return (null, "is required: a name, a BSN or a client number");
        }
        if (text.Length > MaxLength)
        {
            return (null, $"must be at most {MaxLength} characters");
        }
        // A BSN is often written with spaces or dots between groups of digits.
        var digits = new string(text.Where(c => c is not (' ' or '.')).ToArray());
        if (digits.All(char.IsAsciiDigit))
        {
            return digits.Length == 9 && Bsn.IsValid(digits)
                ? (new ClientQuery(Kinds.Bsn, digits), null)
                : (null, "looks like a BSN but is not one (nine digits that pass the elfproef)");
        }
        if (Guid.TryParse(text, out var id))
        {
            return (new ClientQuery(Kinds.ClientNumber, id.ToString()), null);
        }
        return text.Length < MinNameLength
            ? (null, $"a name needs at least {MinNameLength} characters")
            : (new ClientQuery(Kinds.Name, text), null);
    }
}
