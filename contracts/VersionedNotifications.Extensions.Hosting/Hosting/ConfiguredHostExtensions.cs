using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Runs a host whose settings may be wrong, as a command-line service should: one line and exit code 2.</summary>
public static class ConfiguredHostExtensions
{
    /// <summary>Exit code of a run whose configuration cannot work.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>
    /// Checks the host's options (those validated on start) and makes its hosted services, then runs it until it
    /// stops. A setting that cannot work (<c>Notifications:Drivers=rabit</c>) is written to <paramref name="error"/>
    /// as one line that names it, and the result is <see cref="ConfigurationErrorExitCode"/>, instead of the host's
    /// start failing with a stack trace.
    /// </summary>
    /// <returns>0 once the host has stopped, or <see cref="ConfigurationErrorExitCode"/>.</returns>
    public static async Task<int> RunOrExplainConfigurationAsync(this IHost host, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            // What the host's start would do first, done here so that its failure is ours to report.
            host.Services.GetService<IStartupValidator>()?.Validate();
            _ = host.Services.GetServices<IHostedService>().ToList();
        }
        catch (Exception exception) when (ConfigurationFailures(exception) is { Count: > 0 } failures)
        {
            await error.WriteLineAsync("configuration: " + string.Join("; ", failures.Distinct(StringComparer.Ordinal))).ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }

        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The failures of an options validation, alone or gathered by the start validator; null for any other error.</summary>
    private static List<string>? ConfigurationFailures(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures.ToList(),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList(),
        _ => null,
    };
}
