using System.Globalization;

namespace VersionedNotifications.RabbitMQ;

/// <summary>Checks on the broker a transport URL names, for tools and health checks.</summary>
public static class RabbitMQBroker
{
    /// <summary>Opens a connection with <paramref name="options"/> to the first host of its transport URL that answers, and closes it again.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names each problem.</exception>
    /// <exception cref="BrokerUnavailableException">The broker cannot be reached or refused the credentials or virtual host; the message says which URL (without its password) and why.</exception>
    public static async Task VerifyAsync(IRabbitMQConnectionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        // Any host that answers will do, as a driver or listener would fail over to it; the last failure is the one reported.
        Exception? failure = null;
        foreach (var host in TransportUrl.Parse(options.TransportUrl).Hosts)
        {
            try
            {
                await using var connection = await RabbitMQConnections.ConnectAsync(options, host, "VersionedNotifications check", cancellationToken).ConfigureAwait(false);
                await connection.CloseAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = error;
            }
        }

        var reason = failure!.InnerException is { } inner ? $"{failure.Message} ({inner.Message})" : failure.Message;
        throw new BrokerUnavailableException($"Cannot connect to {RabbitMQConnections.Describe(options.TransportUrl)}: {reason}", failure);
    }

    /// <summary>
    /// Waits until the broker answers (<see cref="VerifyAsync"/>), trying once a second for at most
    /// <paramref name="within"/>: for a program that should start once its broker is up and end, rather than
    /// wait forever, when it is not.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names each problem.</exception>
    /// <exception cref="BrokerUnavailableException">The broker did not answer in time; the message gives the last reason and how long it was tried.</exception>
    public static async Task WaitAsync(IRabbitMQConnectionOptions options, TimeSpan within, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(within, TimeSpan.Zero);
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                await VerifyAsync(options, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (BrokerUnavailableException error) when (DateTime.UtcNow >= deadline)
            {
                throw new BrokerUnavailableException(string.Create(CultureInfo.InvariantCulture, $"{error.Message} (tried for {within.TotalSeconds:0.#} s)"), error);
            }
            catch (BrokerUnavailableException)
            {
                // Not up yet: a broker that is starting answers within a few tries.
            }

            var pause = Math.Clamp((deadline - DateTime.UtcNow).Ticks, 0, TimeSpan.TicksPerSecond);
            await Task.Delay(TimeSpan.FromTicks(pause), cancellationToken).ConfigureAwait(false);
        }
    }
}
