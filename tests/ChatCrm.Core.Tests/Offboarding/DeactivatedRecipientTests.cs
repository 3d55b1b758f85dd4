using ChatCrm.Core.Notifications;
using ChatCrm.Core.Reminders;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Offboarding;

/// <summary>Nothing is sent to an offboarded person: not notices written before, not reminders set in a race with the offboarding.</summary>
public sealed class DeactivatedRecipientTests : IDisposable
{
    private readonly OffboardingDesk _desk = new();

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task A_notice_written_before_the_offboarding_is_dead_lettered_not_routed()
    {
        var lead = await _desk.World.NewLeadAsync(Bob, "王总", "华为");
        var id = await _desk.World.Store.WriteAsync(session => Notices.LeadOfferedTo(session, "alice", Leads.Lead.FromSnapshot(lead), "wang", _desk.World.Clock.GetUtcNow()), default);
        await _desk.Offboard.DeactivateAsync(As(Admin), "alice", null, default);

        var due = await new RouteNotices(_desk.World.Store, _desk.World.Clock).DueAsync(50, default);

        Assert.DoesNotContain(due, notice => notice.Message.RecipientKey == "alice");
        var message = (await _desk.World.Store.ReadAsync(session => session.Outbox.Find(id), default))!;
        Assert.Equal((OutboxState.DeadLettered, RouteNotices.RecipientDeactivated), (message.State, message.LastError));
    }

    [Fact]
    public async Task A_due_reminder_of_an_offboarded_owner_is_cancelled_not_delivered()
    {
        var set = await new SetReminder(_desk.World.Store, _desk.World.Clock).HandleAsync(As(Alice), _desk.World.Clock.GetUtcNow().AddHours(1), "给王总打电话", null, default);
        // As if the reminder were set in the same instant the offboarding committed: only the person is marked.
        await _desk.World.Store.WriteAsync(session =>
        {
            session.People.Save(Alice with { DeactivatedAt = _desk.World.Clock.GetUtcNow() });
            return true;
        }, default);
        _desk.World.Clock.Advance(TimeSpan.FromHours(2));

        await new DeliverDueReminders(_desk.World.Store, _desk.World.Clock).RunAsync(default);

        Assert.Empty(await _desk.Desk.NoticesAsync("alice", Notices.ReminderDue));
        Assert.Equal(ReminderState.Cancelled, (await _desk.World.Store.ReadAsync(session => session.Reminders.Find(set.Value!.Reminder.Id), default))!.State);
    }

    [Fact]
    public async Task A_delivery_rendered_before_the_offboarding_is_dead_lettered_not_sent()
    {
        var now = _desk.World.Clock.GetUtcNow();
        var delivery = OutboxMessage.Send(Guid.CreateVersion7(now), "alice", new Delivery("teams", "{}", "{}"), now);
        await _desk.World.Store.WriteAsync(session =>
        {
            session.Outbox.Enqueue(delivery);
            return true;
        }, default);
        await _desk.Offboard.DeactivateAsync(As(Admin), "alice", null, default);

        var due = await new DispatchOutbox(_desk.World.Store, _desk.World.Clock).DueAsync(50, default);

        Assert.DoesNotContain(due, message => message.Id == delivery.Id);
        Assert.Equal(OutboxState.DeadLettered, (await _desk.World.Store.ReadAsync(session => session.Outbox.Find(delivery.Id), default))!.State);
    }

    [Fact]
    public async Task A_customer_added_on_wecom_by_an_offboarded_salesperson_makes_no_lead()
    {
        await _desk.World.Store.WriteAsync(session =>
        {
            session.People.Save(Alice with { Identities = [new ChatCrm.Core.Access.ChannelIdentity("wecom", "alice")] });
            return true;
        }, default);
        await _desk.Offboard.DeactivateAsync(As(Admin), "alice", null, default);

        var taken = await new ChatCrm.Core.Contacts.TakeExternalContact(_desk.World.Store, _desk.World.Clock, _desk.World.Settings)
            .AddedAsync("wecom", "alice", "wmCUSTOMER01", "陈静", "星河科技", "contact:wmCUSTOMER01", "event-1", default);

        Assert.IsType<NotPermitted>(taken.Error);
        Assert.Null(await _desk.World.Store.ReadAsync(session => session.Contacts.Find("wecom", "wmCUSTOMER01"), default));
    }
}
