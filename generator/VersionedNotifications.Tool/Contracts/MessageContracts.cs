using System.CommandLine;
using Microsoft.CodeAnalysis;
using VersionedNotifications.OpenStack;

namespace VersionedNotifications.Tool.Contracts;

/// <summary>
/// The contracts validate, normalize, listen and send read and write messages with: those compiled from
/// <c>--definitions</c>, exactly as the user's build compiles them, or the built-in OpenStack contracts
/// (ironic, glance, nova) when no folder is named.
/// </summary>
internal sealed class MessageContracts : IDisposable
{
    private readonly CompiledContracts? _compiled;

    private MessageContracts(NotificationReader reader, CompiledContracts? compiled)
    {
        Reader = reader;
        _compiled = compiled;
    }

    /// <summary>The reader of every notification the contracts declare.</summary>
    public NotificationReader Reader { get; }

    /// <summary>
    /// The contracts the command line asks for. The definitions' warnings go to standard error, as a build shows them;
    /// an error stops the command there, as it stops a build.
    /// </summary>
    /// <exception cref="UsageException">The definitions have an error, or an option needs <c>--definitions</c>.</exception>
    public static MessageContracts Load(ParseResult result, DefinitionsOptions options)
    {
        if (!options.NamesDefinitions(result))
        {
            var needsFolder = new Option[] { options.Manifest, options.RootNamespace, options.JsonContext }.FirstOrDefault(o => result.GetResult(o) is not null);
            if (needsFolder is not null)
            {
                throw new UsageException($"{needsFolder.Name}: applies to the definitions named with --definitions; without them the built-in OpenStack contracts are used");
            }

            return new MessageContracts(new NotificationReader(OpenStackJsonContext.Default), null);
        }

        var folder = options.FolderOf(result);
        var build = DefinitionsCompiler.Compile(folder, result.GetValue(options.Manifest), options.NamingOf(result));
        foreach (var diagnostic in build.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }

        if (build.Contracts is null)
        {
            var errors = build.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            throw new UsageException($"the definitions in '{folder}' do not build ({errors} error(s)); nothing was read");
        }

        return new MessageContracts(new NotificationReader(build.Contracts.Contracts), build.Contracts);
    }

    public void Dispose() => _compiled?.Dispose();
}
