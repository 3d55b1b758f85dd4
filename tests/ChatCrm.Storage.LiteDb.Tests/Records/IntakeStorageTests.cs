using ChatCrm.Core.Intake;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class IntakeStorageTests : IDisposable
{
    private static readonly DateTimeOffset Hour = IntakeHourCount.HourOf(TestLeads.Now);

    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_source_comes_back_whole_across_a_reopen_with_field_names_bson_keys_could_not_hold()
    {
        var fields = new Dictionary<string, IntakeField> { ["contact.name"] = IntakeField.Name, ["$phone"] = IntakeField.Phone, ["公司名称"] = IntakeField.Company };
        var source = IntakeSource.Create("douyin", "douyin", "secret-0123456789abcdef", fields, ["vip", "east-china"], "east", TestLeads.Now);
        source.RecordError("bad signature", TestLeads.Now.AddMinutes(5));
        source.Switch(false, TestLeads.Now.AddMinutes(6));
        using (var store = _folder.Open())
        {
            await store.Write(session => session.Intake.SaveSource(source));
        }

        using var reopened = _folder.Open();
        var found = (await reopened.Read(session => session.Intake.FindSource("douyin")))!;

        Assert.Equal(
            ("douyin", "secret-0123456789abcdef", "east", false, TestLeads.Now, TestLeads.Now.AddMinutes(6), "bad signature", TestLeads.Now.AddMinutes(5)),
            (found.Channel, found.Secret, found.TeamKey, found.Enabled, found.CreatedAt, found.UpdatedAt, found.LastError, found.LastErrorAt));
        Assert.Equal(fields.OrderBy(pair => pair.Key, StringComparer.Ordinal), found.Fields.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        Assert.Equal(["vip", "east-china"], found.Tags);
        Assert.Equal(IntakeField.Phone, found.FieldFor("$PHONE"));
    }

    [Fact]
    public async Task Sources_are_listed_by_key()
    {
        using var store = _folder.Open();
        await store.Write(session =>
        {
            foreach (var key in new[] { "webform", "ads", "douyin" })
            {
                session.Intake.SaveSource(IntakeSource.Create(key, "web", "secret-0123456789abcdef", new Dictionary<string, IntakeField>(), [], null, TestLeads.Now));
            }
        });

        Assert.Equal(["ads", "douyin", "webform"], (await store.Read(session => session.Intake.AllSources())).Select(source => source.Key));
    }

    [Fact]
    public async Task Counts_add_up_per_source_and_hour_and_come_back_for_a_range_of_hours()
    {
        using var store = _folder.Open();
        await store.Write(session =>
        {
            session.Intake.Count("webform", Hour, IntakeOutcome.Received);
            session.Intake.Count("webform", Hour, IntakeOutcome.Received);
            session.Intake.Count("webform", Hour, IntakeOutcome.Accepted);
            session.Intake.Count("douyin", Hour, IntakeOutcome.Rejected);
            session.Intake.Count("webform", Hour.AddHours(1), IntakeOutcome.Replayed);
            session.Intake.Count("webform", Hour.AddHours(2), IntakeOutcome.Duplicate);
        });
        await store.Write(session => session.Intake.MarkAlerted("webform", Hour));

        var counts = await store.Read(session => session.Intake.HourCounts(Hour, Hour.AddHours(2)));

        Assert.Equal(
            [
                new IntakeHourCount("douyin", Hour, 0, 0, 0, 1, 0),
                new IntakeHourCount("webform", Hour, 2, 1, 0, 0, 0, Alerted: true),
                new IntakeHourCount("webform", Hour.AddHours(1), 0, 0, 0, 0, 1),
            ],
            counts);
    }

    [Fact]
    public async Task A_receipt_keeps_the_answer_under_its_source_and_key()
    {
        using var store = _folder.Open();
        var receipt = new IntakeReceipt("webform", "order-7781|retry", new IntakeAnswer("L-1", "L-1", "phone", IntakeAnswer.Owned, "alice"), TestLeads.Now);
        await store.Write(session => session.Intake.SaveReceipt(receipt));

        Assert.Equal(receipt, await store.Read(session => session.Intake.FindReceipt("webform", "order-7781|retry")));
        Assert.Null(await store.Read(session => session.Intake.FindReceipt("douyin", "order-7781|retry")));
    }

    [Fact]
    public async Task Intake_records_come_back_by_lead_newest_first_with_the_note_kept_as_the_protector_keeps_it()
    {
        var first = new IntakeRecord(Guid.CreateVersion7(TestLeads.Now), "webform", "L-1", null, "请尽快联系我 13800138000", new IntakeUtm("double11", "baidu", "cpc"), true, TestLeads.Now);
        var touch = new IntakeRecord(Guid.CreateVersion7(TestLeads.Now), "douyin", "L-1", IntakeMatchKind.NameAndCompany, null, IntakeUtm.None, null, TestLeads.Now.AddHours(1));
        var other = first with { Id = Guid.NewGuid(), LeadNumber = "L-2" };
        using (var store = _folder.Open(protector: new ScramblingProtector()))
        {
            await store.Write(session =>
            {
                session.Intake.AddRecord(first);
                session.Intake.AddRecord(touch);
                session.Intake.AddRecord(other);
            });

            Assert.Equal([touch, first], await store.Read(session => session.Intake.RecordsForLead("L-1", 10)));
        }

        Assert.DoesNotContain("尽快联系", await File.ReadAllTextAsync(_folder.DatabasePath));
    }

    [Fact]
    public async Task Every_lead_with_a_phone_or_email_is_found_most_recently_changed_first()
    {
        using var store = _folder.Open(protector: new ScramblingProtector());
        var email = Email.TryParse("wang@acme.com");
        var older = Lead.Create("L-1", "王建国", Phone.TryParse("13800138000"), null, null, LeadStage.New, null, "east", "webform", "intake", TestLeads.Now.AddDays(-100), email);
        var newer = Lead.Create("L-2", "王建国", Phone.TryParse("13800138000"), null, null, LeadStage.New, null, "east", "webform", "intake", TestLeads.Now, email);
        var stranger = TestLeads.Create("L-3", phone: "13900139000");
        await store.Write(session =>
        {
            session.Leads.Insert(older);
            session.Leads.Insert(newer);
            session.Leads.Insert(stranger);
        });

        Assert.Equal(["L-2", "L-1"], (await store.Read(session => session.Leads.FindAllByPhone(Phone.TryParse("+86 138 0013 8000")!, 10))).Select(lead => lead.Number));
        Assert.Equal(["L-2"], (await store.Read(session => session.Leads.FindAllByEmail(email!, 1))).Select(lead => lead.Number));
    }
}
