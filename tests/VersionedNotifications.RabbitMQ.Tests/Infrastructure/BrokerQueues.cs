using RabbitMQ.Client;

namespace VersionedNotifications.RabbitMQ.Tests.Infrastructure;

/// <summary>Looks at queues directly, as a third party, through RabbitMQ.Client.</summary>
internal static class BrokerQueues
{
    public static async Task<uint> CountAsync(Broker broker, string queue)
    {
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    public static async Task<bool> ExistsAsync(Broker broker, string queue)
    {
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (global::RabbitMQ.Client.Exceptions.OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    public static async Task<BasicGetResult?> GetAsync(Broker broker, string queue)
    {
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    /// <summary>Waits for a message to reach <paramref name="queue"/> and takes it.</summary>
    public static async Task<BasicGetResult> TakeAsync(Broker broker, string queue)
    {
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                return message;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No message reached {queue} within 2 minutes");
            }

            await Task.Delay(20);
        }
    }

    public static async Task PublishRawAsync(Broker broker, string exchange, string routingKey, byte[] body)
    {
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await channel.BasicPublishAsync(exchange, routingKey, false, new BasicProperties { ContentType = "application/json" }, body);
    }
}
