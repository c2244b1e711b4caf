using Microsoft.CodeAnalysis.CSharp;

namespace VersionedNotifications.Generator.Model;

/// <summary>What the compilation offers the generated code: the runtime package, and a C# version with required members.</summary>
internal sealed record GenerationEnvironment(bool ReferencesRuntime, LanguageVersion LanguageVersion)
{
    public bool SupportsRequiredMembers => LanguageVersion >= LanguageVersion.CSharp11;

    public bool CanGenerate => ReferencesRuntime && SupportsRequiredMembers;
}
