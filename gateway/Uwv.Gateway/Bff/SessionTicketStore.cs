using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace Uwv.Gateway.Bff;

/// <summary>
/// Keeps each signed-in session (the user's claims and tokens) on the server; the browser's cookie carries only the
/// session's random key, encrypted by the cookie handler. The stored ticket is encrypted too (data protection), so
/// the tokens are not readable in the session store either. An entry lives as long as the session may stay idle.
/// </summary>
public sealed class SessionTicketStore(IDistributedCache cache, IDataProtectionProvider protection, TimeSpan idleTimeout) : ITicketStore
{
    private const string Prefix = "uwv:bff:session:";
    private readonly IDataProtector _protector = protection.CreateProtector("Uwv.Gateway.Bff.SessionTicket");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(Prefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)),
            new DistributedCacheEntryOptions { SlidingExpiration = idleTimeout });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await cache.GetAsync(Prefix + key);
        if (bytes is null)
        {
            return null;
        }
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Stored under a key ring this gateway no longer has: the session is gone, the user signs in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);
}
