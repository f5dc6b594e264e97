using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using Uwv.Gateway.Bff;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Gateway.Extensions;

/// <summary>
/// The web workplace: static files (HTML, ES modules, CSS) served by the gateway, public like any web page; only the
/// proxied API routes require a token. Served as endpoints, so the embedded host keeps them on the gateway's port.
/// </summary>
public static class WebAppExtensions
{
    public const string Section = "WebApp";
    private const string IndexFile = "index.html";

    /// <summary>
    /// What the page needs to know before login: which login applies ("dev": the development issuer's demo users;
    /// "bff": the organisation's sign-in through the gateway; "none": no sign-in configured).
    /// </summary>
    public sealed record WebAppConfig(string Login, IReadOnlyList<AreaTeam> Teams);

    /// <summary>An area team as the filters show it (from the platform's AreaTeams settings).</summary>
    public sealed record AreaTeam(string Id, string Name);

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    public static void MapWebApp(this WebApplication app, List<IEndpointConventionBuilder> mapped)
    {
        var root = WebRoot(app);
        if (root is null)
        {
            app.Logger.LogWarning("The web workplace's files were not found; set {Key} to their folder", $"{Section}:Root");
            return;
        }
        var files = new PhysicalFileProvider(root);
        var config = Config(app);
        const string csp = ContentSecurityPolicy;
        mapped.Add(app.MapGet("/webapp-config.json", (HttpContext context) =>
        {
            AddSecurityHeaders(context.Response.Headers, "webapp-config.json", csp);
            return Results.Json(config);
        }).AllowAnonymous());
        mapped.Add(app.MapGet("/{**path}", (HttpContext context, string? path) => Serve(context, files, path, csp)).AllowAnonymous());
    }

    /// <summary>
    /// The page's Content-Security-Policy: it may fetch from the gateway only. Sign-in runs on the gateway (decision
    /// 0031), so the page never talks to the identity provider itself; a script injected despite script-src could not
    /// send what it reads to a server of its choosing (decision 0020).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static IResult Serve(HttpContext context, PhysicalFileProvider files, string? path, string csp)
    {
        path ??= "";
        // API and login paths that no route matched are a 404, never the page.
        if (path.StartsWith("api/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("dev/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("bff/", StringComparison.OrdinalIgnoreCase))
        {
            return Results.NotFound();
        }
        var file = path.Length == 0 ? files.GetFileInfo(IndexFile) : files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            // Paths without an extension are the single-page app's own; a missing file with one is a 404.
            if (Path.HasExtension(path))
            {
                return Results.NotFound();
            }
            file = files.GetFileInfo(IndexFile);
        }
        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            return Results.NotFound();
        }
        AddSecurityHeaders(context.Response.Headers, file.Name, csp);
        var etag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"");
        return Results.File(file.PhysicalPath!, contentType, lastModified: file.LastModified, entityTag: etag);
    }

    private static void AddSecurityHeaders(IHeaderDictionary headers, string fileName, string csp)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // The page itself must be fresh (it names the current scripts); libraries may be cached but revalidated.
        headers.CacheControl = fileName == IndexFile ? "no-cache" : "public, max-age=300";
        if (fileName.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = csp;
            headers.XFrameOptions = "DENY";
        }
    }

    private static WebAppConfig Config(WebApplication app)
    {
        var auth = app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var devLogin = auth.EnableDevIssuer && string.IsNullOrWhiteSpace(auth.Authority) && !app.Environment.IsProduction();
        return new WebAppConfig(
            BffExtensions.IsEnabled(app.Configuration) ? "bff" : devLogin ? "dev" : "none",
            app.Configuration.GetSection("AreaTeams").GetChildren()
                .Select(t => new AreaTeam(t["Id"] ?? "", t["Name"] ?? t["Id"] ?? ""))
                .Where(t => t.Id.Length > 0)
                .ToList());
    }

    /// <summary>
    /// The folder with index.html: WebApp:Root when set; else wwwroot next to the app (a published gateway);
    /// else the source folder of a checkout (a development run or a test, which start from a bin folder).
    /// </summary>
    private static string? WebRoot(WebApplication app)
    {
        var configured = app.Configuration[$"{Section}:Root"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasIndex(configured) ? Path.GetFullPath(configured) : null;
        }
        foreach (var candidate in new[] { app.Environment.WebRootPath, Path.Combine(app.Environment.ContentRootPath, "wwwroot"), Path.Combine(AppContext.BaseDirectory, "wwwroot") })
        {
            if (!string.IsNullOrEmpty(candidate) && HasIndex(candidate))
            {
                return candidate;
            }
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var source = Path.Combine(dir.FullName, "gateway", "Uwv.Gateway", "wwwroot");
            if (HasIndex(source))
            {
                return source;
            }
        }
        return null;
    }

    private static bool HasIndex(string folder) => File.Exists(Path.Combine(folder, IndexFile));

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".mjs"] = "text/javascript; charset=utf-8";
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        provider.Mappings[".html"] = "text/html; charset=utf-8";
        provider.Mappings[".md"] = "text/markdown; charset=utf-8";
        return provider;
    }
}
