namespace Uwv.Testing;

public static class RepoPaths
{
    public static readonly string Root = FindRoot();

    /// <summary>Debug or Release: the services are started from the same build as the tests.</summary>
    public static readonly string Configuration =
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Uwv.OneUwv.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Uwv.OneUwv.slnx)");
    }
}
