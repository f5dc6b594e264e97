using System.Xml.Linq;

namespace Uwv.DeploymentTests.Infrastructure;

/// <summary>The container publishing properties a process's csproj declares (PropertyGroup "Container image").</summary>
public sealed record ContainerImage(string Repository, string User, string Family, string DefaultTag)
{
    public static ContainerImage Of(string process)
    {
        var project = XDocument.Load(Repo.PathOf(Platform.ProjectPath(process)));
        string Property(string name) =>
            project.Descendants(name).Select(e => e.Value.Trim()).SingleOrDefault()
            ?? throw new InvalidOperationException($"{Platform.ProjectPath(process)} does not set {name}");
        var tags = Property("ContainerImageTags");
        // $([MSBuild]::ValueOrDefault('$(Version)', 'x.y.z')): the tag when no version is given.
        var fallback = tags.Split('\'', StringSplitOptions.RemoveEmptyEntries).Where(s => char.IsAsciiDigit(s[0])).LastOrDefault() ?? tags;
        return new ContainerImage(Property("ContainerRepository"), Property("ContainerUser"), Property("ContainerFamily"), fallback);
    }
}
