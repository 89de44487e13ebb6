using Orleans.Runtime;
using Spotlight.Grains;

namespace Spotlight.Tests.Cluster.Probes;

public sealed class ReminderProbeGrain(
    [PersistentState("probe", StorageNames.Default)] IPersistentState<ReminderProbeState> state,
    ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public Task StartAsync(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public Task<IReadOnlyList<ReminderTick>> GetTicksAsync() => Task.FromResult<IReadOnlyList<ReminderTick>>([.. state.State.Ticks]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks.Add(new ReminderTick(silo.SiloAddress.ToString(), DateTimeOffset.UtcNow));
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("Spotlight.Tests.ReminderProbeState")]
public sealed class ReminderProbeState
{
    [Id(0)]
    public List<ReminderTick> Ticks { get; set; } = [];
}
