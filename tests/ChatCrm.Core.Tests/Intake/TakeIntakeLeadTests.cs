using ChatCrm.Core.Audit;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.Intake.IntakeWorld;

namespace ChatCrm.Core.Tests.Intake;

public sealed class TakeIntakeLeadTests : IDisposable
{
    private readonly IntakeWorld _intake = new();

    public void Dispose() => _intake.Dispose();

    private ChatCrm.Core.Store.ICrmStore Store => _intake.World.Store;

    [Fact]
    public async Task A_new_person_becomes_an_unowned_lead_in_the_source_teams_pool_waiting_for_assignment()
    {
        var answer = await _intake.AcceptedAsync(
            "webform", ("name", "陈静"), ("phone", "138 0013 8000"), ("email", "Chen.Jing@Example.com"), ("company", "星河科技"), ("city", "杭州"));

        Assert.Equal(new IntakeAnswer("L-20261118-0001", null, null, IntakeAnswer.Pending, null), answer);
        var lead = (await _intake.LeadAsync(answer.LeadNumber))!;
        Assert.Equal(
            ("陈静", "+8613800138000", "chen.jing@example.com", "杭州", "east", null, "webform", LeadStage.New),
            (lead.Name, lead.Phone?.E164, lead.Email?.Address, lead.Region, lead.TeamKey, lead.OwnerKey, lead.Source, lead.Stage));
        var request = Assert.Single(await Store.ReadAsync(session => session.AssignmentRequests.Oldest(5), default));
        Assert.Equal((answer.LeadNumber, "webform"), (request.LeadNumber, request.SourceKey));
    }

    [Fact]
    public async Task The_new_lead_is_audited_as_created_by_its_source()
    {
        var answer = await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));

        var entry = Assert.Single(await Store.ReadAsync(session => session.Audit.ForLead(answer.LeadNumber, 5), default));
        Assert.Equal((AuditActions.CreateLead, "intake:webform", "intake", "webform"), (entry.Action, entry.ActorKey, entry.Channel, entry.Detail));
        Assert.Equal(answer.LeadNumber, entry.After!.Number);
    }

    [Fact]
    public async Task The_assignment_request_carries_the_sources_tags()
    {
        await _intake.AcceptedAsync("douyin", ("姓名", "王强"), ("手机", "13900139000"));

        Assert.Equal(["vip"], Assert.Single(await Store.ReadAsync(session => session.AssignmentRequests.Oldest(5), default)).Tags);
    }

    [Fact]
    public async Task Note_campaign_tags_and_consent_are_kept_in_an_intake_record()
    {
        var answer = await _intake.AcceptedAsync(
            "webform", ("name", "陈静"), ("phone", "13800138000"), ("note", "想了解报价"), ("utm_campaign", "double11"),
            ("utm_source", "baidu"), ("utm_medium", "cpc"), ("consent", "on"));

        var record = Assert.Single(await Store.ReadAsync(session => session.Intake.RecordsForLead(answer.LeadNumber, 5), default));
        Assert.Equal(("webform", null, "想了解报价", new IntakeUtm("double11", "baidu", "cpc"), (bool?)true), (record.SourceKey, record.MatchedBy, record.Note, record.Utm, record.Consent));
    }

    [Fact]
    public async Task The_same_phone_written_another_way_is_a_touch_on_the_known_lead_not_a_second_lead()
    {
        var first = await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));

        var again = await _intake.AcceptedAsync("douyin", ("姓名", "陈小姐"), ("手机", "+86 138-0013-8000"));

        Assert.Equal(new IntakeAnswer(first.LeadNumber, first.LeadNumber, "phone", IntakeAnswer.Pool, null), again);
        Assert.Equal(1, await _intake.LeadCountAsync());
        var records = await Store.ReadAsync(session => session.Intake.RecordsForLead(first.LeadNumber, 5), default);
        Assert.Equal([IntakeMatchKind.Phone, null], records.Select(record => record.MatchedBy));
    }

    [Fact]
    public async Task The_same_email_in_other_case_is_a_duplicate()
    {
        var first = await _intake.AcceptedAsync("webform", ("name", "Jane Doe"), ("email", "jane@acme.com"));

        var again = await _intake.AcceptedAsync("webform", ("name", "J. Doe"), ("email", " JANE@ACME.COM "));

        Assert.Equal((first.LeadNumber, "email"), (again.DuplicateOf, again.MatchedBy));
    }

    [Theory]
    [InlineData("王建国", "星河科技有限公司", "王建国", "星河科技")]
    [InlineData("John Smith", "Acme Co., Ltd.", "JOHN SMITH", "ACME")]
    [InlineData("Ｊｏｈｎ Ｓｍｉｔｈ", "ＡＣＭＥ有限公司", "john smith", "Acme Ltd")]
    [InlineData("Li Na", "Blue Sky Inc.", "li  na", "blue sky")]
    public async Task The_same_name_at_the_same_company_is_a_duplicate_whatever_the_width_case_and_legal_form(
        string name, string company, string nameAgain, string companyAgain)
    {
        var first = await _intake.AcceptedAsync("webform", ("name", name), ("phone", "13800138000"), ("company", company));

        var again = await _intake.AcceptedAsync("webform", ("name", nameAgain), ("email", "other@example.com"), ("company", companyAgain));

        Assert.Equal((first.LeadNumber, "name_company"), (again.DuplicateOf, again.MatchedBy));
    }

    [Fact]
    public async Task The_same_name_at_another_company_is_a_new_lead()
    {
        await _intake.AcceptedAsync("webform", ("name", "王建国"), ("phone", "13800138000"), ("company", "星河科技"));

        var other = await _intake.AcceptedAsync("webform", ("name", "王建国"), ("phone", "13900139000"), ("company", "银河科技"));

        Assert.False(other.Duplicate);
    }

    [Theory]
    [InlineData(89, true)]
    [InlineData(91, false)]
    public async Task A_lead_is_matched_only_if_it_changed_within_the_dedupe_window(int daysAgo, bool duplicate)
    {
        var first = await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));
        await _intake.AgeAsync(first.LeadNumber, TimeSpan.FromDays(daysAgo));

        var again = await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));

        Assert.Equal(duplicate, again.Duplicate);
    }

    [Fact]
    public async Task After_the_window_the_newer_lead_is_the_one_matched()
    {
        var old = await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));
        await _intake.AgeAsync(old.LeadNumber, TimeSpan.FromDays(200));
        var renewed = await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));

        var again = await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));

        Assert.Equal(renewed.LeadNumber, again.DuplicateOf);
    }

    [Fact]
    public async Task The_owner_of_a_touched_lead_is_told_with_the_source_the_match_and_the_note()
    {
        var alices = await _intake.World.NewLeadAsync(CrmWorld.Alice, "陈静", "星河科技", "13800138000");

        var again = await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"), ("note", "再次咨询价格"));

        Assert.Equal((IntakeAnswer.Owned, "alice"), (again.Assignment, again.AssignedTo));
        var notice = Assert.Single(await Store.ReadAsync(session => session.Outbox.PendingFor("alice", 5), default)).Notice!;
        Assert.Equal(Notices.LeadTouched, notice.Kind);
        Assert.Equal((alices.Number, "webform", "phone", "再次咨询价格"), (notice.Args["lead"], notice.Args["source"], notice.Args["by"], notice.Args["note"]));
    }

    [Fact]
    public async Task A_touch_is_audited_on_the_lead_and_leaves_the_lead_itself_unchanged()
    {
        var first = await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));
        var before = (await _intake.LeadAsync(first.LeadNumber))!.ToSnapshot();

        await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));

        var touch = (await Store.ReadAsync(session => session.Audit.ForLead(first.LeadNumber, 5), default))[0];
        Assert.Equal((AuditActions.TouchLead, "webform phone"), (touch.Action, touch.Detail));
        Assert.Equal(before, (await _intake.LeadAsync(first.LeadNumber))!.ToSnapshot());
    }

    [Fact]
    public async Task A_touch_on_a_pool_lead_tells_its_teams_manager()
    {
        await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));

        await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));

        Assert.Equal(Notices.LeadTouched, Assert.Single(await Store.ReadAsync(session => session.Outbox.PendingFor("wang", 5), default)).Notice!.Kind);
    }

    [Fact]
    public async Task The_same_idempotency_key_gets_the_same_answer_and_creates_nothing_new()
    {
        var fields = Fields(("name", "陈静"), ("phone", "13800138000"));
        var first = await _intake.SendAsync("webform", fields, "order-7781");

        var retry = await _intake.SendAsync("webform", fields, "order-7781");

        Assert.Equal((first.Value!.Answer, false, true), (retry.Value!.Answer, first.Value.Replayed, retry.Value.Replayed));
        Assert.Equal(1, await _intake.LeadCountAsync());
        Assert.Single(await Store.ReadAsync(session => session.Intake.RecordsForLead(first.Value.Answer.LeadNumber, 5), default));
        Assert.Single(await Store.ReadAsync(session => session.AssignmentRequests.Oldest(5), default));
    }

    [Fact]
    public async Task An_idempotency_key_belongs_to_its_source()
    {
        await _intake.SendAsync("webform", Fields(("name", "陈静"), ("phone", "13800138000")), "k1");

        var other = await _intake.SendAsync("douyin", Fields(("姓名", "王强"), ("手机", "13900139000")), "k1");

        Assert.False(other.Value!.Replayed);
        Assert.Equal(2, await _intake.LeadCountAsync());
    }

    [Fact]
    public async Task Every_outcome_is_counted_in_the_hour_the_request_was_received()
    {
        await _intake.SendAsync("webform", Fields(("name", "陈静"), ("phone", "13800138000")), "k1");
        await _intake.SendAsync("webform", Fields(("name", "陈静"), ("phone", "13800138000")), "k1");
        await _intake.SendAsync("webform", Fields(("name", "陈静"), ("phone", "13800138000")));
        await _intake.SendAsync("webform", Fields(("name", "陈静")));

        Assert.Equal(
            new IntakeHourCount("webform", IntakeHourCount.HourOf(_intake.World.Clock.GetUtcNow()), Received: 4, Accepted: 1, Duplicate: 1, Rejected: 1, Replayed: 1),
            await _intake.ThisHourAsync("webform"));
    }

    [Fact]
    public async Task An_outcome_settled_after_the_hour_turned_is_counted_in_the_hour_received()
    {
        var arrival = (await _intake.Tally.ReceivedAsync("webform", default))!;
        var receivedHour = IntakeHourCount.HourOf(arrival.ReceivedAt);
        _intake.World.Clock.Advance(TimeSpan.FromMinutes(59.99));

        await _intake.Take.HandleAsync(arrival, Fields(("name", "陈静"), ("phone", "13800138000")), null, default);

        var count = await Store.ReadAsync(session => session.Intake.HourCounts(receivedHour, receivedHour.AddHours(2)), default);
        Assert.Equal((1, 1), (Assert.Single(count).Received, count[0].Accepted));
    }

    [Fact]
    public async Task Fields_that_cannot_make_a_lead_are_refused_by_the_senders_names_counted_and_kept_as_the_last_error()
    {
        var refused = await _intake.SendAsync("douyin", Fields(("手机", "12"), ("公司名称", "星河")));

        var errors = Assert.IsType<IntakeFieldsInvalid>(refused.Error).Errors;
        Assert.Equal(["姓名", "手机"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await _intake.LeadCountAsync());
        Assert.Equal(1, (await _intake.ThisHourAsync("douyin")).Rejected);
        var source = (await Store.ReadAsync(session => session.Intake.FindSource("douyin"), default))!;
        Assert.Equal(("invalid fields: 姓名, 手机", _intake.World.Clock.GetUtcNow()), (source.LastError, source.LastErrorAt));
    }

    [Fact]
    public async Task A_source_switched_off_after_the_door_refuses_the_request_and_counts_it()
    {
        var arrival = (await _intake.Tally.ReceivedAsync("webform", default))!;
        await Store.WriteAsync(session =>
        {
            var source = session.Intake.FindSource("webform")!;
            source.Switch(false, _intake.World.Clock.GetUtcNow());
            session.Intake.SaveSource(source);
            return true;
        }, default);

        var refused = await _intake.Take.HandleAsync(arrival, Fields(("name", "陈静"), ("phone", "13800138000")), null, default);

        Assert.IsType<IntakeSourceOff>(refused.Error);
        Assert.Equal((1, 1, 0), ((await _intake.ThisHourAsync("webform")).Received, (await _intake.ThisHourAsync("webform")).Rejected, await _intake.LeadCountAsync()));
    }

    [Fact]
    public async Task An_unknown_source_is_not_counted_and_has_no_arrival()
    {
        Assert.Null(await _intake.Tally.ReceivedAsync("nosuch", default));
        Assert.Null(await _intake.Tally.ReceivedAsync("../etc", default));
    }
}
