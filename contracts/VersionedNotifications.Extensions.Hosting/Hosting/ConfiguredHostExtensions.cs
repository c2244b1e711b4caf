using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VersionedNotifications;

namespace Microsoft.Extensions.Hosting;

/// <summary>Runs a host whose settings may be wrong or whose broker may be away, as a command-line service should: one line and an exit code.</summary>
public static class ConfiguredHostExtensions
{
    /// <summary>Exit code of a run whose configuration cannot work.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>Exit code of a run whose broker could not be reached before it started.</summary>
    public const int BrokerUnavailableExitCode = 1;

    /// <summary>
    /// Checks the host's options (those validated on start) and makes its hosted services, then runs it until it
    /// stops. A setting that cannot work (<c>Notifications:Drivers=rabit</c>) is written to <paramref name="error"/>
    /// as one line that names it, and the result is <see cref="ConfigurationErrorExitCode"/>, instead of the host's
    /// start failing with a stack trace.
    /// </summary>
    /// <returns>0 once the host has stopped, or <see cref="ConfigurationErrorExitCode"/>.</returns>
    public static Task<int> RunOrExplainConfigurationAsync(this IHost host, TextWriter error, CancellationToken cancellationToken = default) =>
        RunOrExplainConfigurationAsync(host, error, beforeStart: null, cancellationToken);

    /// <summary>
    /// As <see cref="RunOrExplainConfigurationAsync(IHost, TextWriter, CancellationToken)"/>, and runs
    /// <paramref name="beforeStart"/> once the configuration is known to be good, before the host starts: such as
    /// a bounded wait for the broker. A <see cref="BrokerUnavailableException"/> it throws is
    /// written to <paramref name="error"/> as one line (<c>broker: ...</c>) and the result is
    /// <see cref="BrokerUnavailableExitCode"/>.
    /// </summary>
    /// <returns>0 once the host has stopped, <see cref="ConfigurationErrorExitCode"/> or <see cref="BrokerUnavailableExitCode"/>.</returns>
    public static async Task<int> RunOrExplainConfigurationAsync(
        this IHost host,
        TextWriter error,
        Func<IServiceProvider, CancellationToken, Task>? beforeStart,
        CancellationToken cancellationToken = default)
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

        if (beforeStart is not null)
        {
            try
            {
                await beforeStart(host.Services, cancellationToken).ConfigureAwait(false);
            }
            catch (BrokerUnavailableException unavailable)
            {
                await error.WriteLineAsync("broker: " + unavailable.Message).ConfigureAwait(false);
                return BrokerUnavailableExitCode;
            }
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
