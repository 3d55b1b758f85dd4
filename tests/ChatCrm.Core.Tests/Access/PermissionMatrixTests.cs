using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Core.Tests.Access;

/// <summary>
/// Every shipped position × every permission × a lead of their own, their team's, another team's in
/// their region and another region's, exercised through the use cases that carry each act out (a
/// refusal there is what a person meets in chat). The expected table is the product's promise,
/// written out: O own, T team, R region, A all, - none.
/// </summary>
public sealed class PermissionMatrixTests
{
    private const string Columns = "view edit claim transfer delete export phone signed reports admin";

    // position           view edit claim transfer delete export phone signed reports admin
    private static readonly (string Position, string Row)[] Table =
    [
        (DefaultPositions.Sales,           "O O T O - - O - O -"),
        (DefaultPositions.SalesManager,    "T T T T T T T T T -"),
        (DefaultPositions.RegionalManager, "R R - R R R R R R -"),
        (DefaultPositions.Finance,         "A - - - - - - A A -"),
        (DefaultPositions.Intern,          "O O O - - - - - - -"),
        (DefaultPositions.Admin,           "A A - A A A A A A A"),
        (DefaultPositions.Partner,         "- - - - - - - - - -"),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        var columns = Columns.Split(' ');
        foreach (var (position, row) in Table)
        {
            var scopes = row.Split(' ');
            for (var i = 0; i < columns.Length; i++)
            {
                data.Add(position, columns[i], scopes[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_position_reaches_exactly_the_leads_its_scope_promises(string position, string act, string scope)
    {
        using var org = new MatrixOrganisation(position);

        var reached = await org.ReachAsync(act);

        Assert.Equal(Expected(act, scope), reached);
    }

    [Fact]
    public void The_shipped_positions_grant_what_the_table_says()
    {
        var columns = Columns.Split(' ');
        foreach (var (key, row) in Table)
        {
            var position = DefaultPositions.Find(key)!;
            var scopes = row.Split(' ');
            for (var i = 0; i < columns.Length; i++)
            {
                var permission = PermissionNames.ParsePermission(columns[i] == "signed" ? "signed_amount" : columns[i])!.Value;
                Assert.True(Letter(position.ScopeOf(permission)) == scopes[i], $"{key} {columns[i]}: {position.ScopeOf(permission)} vs {scopes[i]}");
            }
        }
    }

    private static string Letter(AccessScope scope) => scope switch
    {
        AccessScope.Own => "O",
        AccessScope.Team => "T",
        AccessScope.Region => "R",
        AccessScope.All => "A",
        _ => "-",
    };

    /// <summary>Which targets a scope letter reaches; admin has no lead target, and reports no "own" one.</summary>
    private static string Expected(string act, string scope)
    {
        if (act == "admin")
        {
            return scope == "-" ? "" : "install";
        }

        string[] reach = scope switch
        {
            "O" => ["own"],
            "T" => ["own", "team"],
            "R" => ["own", "team", "region"],
            "A" => ["own", "team", "region", "other"],
            _ => [],
        };
        // A report covers a team's figures: one's own leads are not a report.
        return string.Join(',', act == "reports" ? reach.Where(target => target != "own") : reach);
    }

    /// <summary>
    /// Region east-china holds teams east (manager wang) and jiangsu; team south is in south-china.
    /// The subject holds the position under test, in team east. Each target is a lead of the
    /// subject's own, of bob's in east, of jiang's in jiangsu and of carol's in south (pool leads
    /// for claim, won deals for the signed amount).
    /// </summary>
    private sealed class MatrixOrganisation : IDisposable
    {
        private static readonly string[] Targets = ["own", "team", "region", "other"];

        private readonly string _folder = Directory.CreateTempSubdirectory("chatcrm-matrix-").FullName;
        private readonly LiteDbCrmStore _store;
        private readonly FakeTimeProvider _clock = new(CrmWorld.Start);
        private readonly User _subject;
        private readonly User _bob = new("bob", "Bob", Role.Salesperson, "east", []);

        public MatrixOrganisation(string position)
        {
            _subject = new User("subject", "Subject", Role.Salesperson, "east", [], PositionKey: position);
            _store = new LiteDbCrmStore(new LiteDbStoreOptions { DatabasePath = Path.Combine(_folder, "crm.db") }, new PlainPersonalData());
            _store.WriteAsync(session =>
            {
                session.People.Save(new Team("east", "华东一组", "wang", "east-china"));
                session.People.Save(new Team("jiangsu", "江苏组", "jiangmgr", "east-china"));
                session.People.Save(new Team("south", "华南", "chen", "south-china"));
                foreach (var user in new[]
                {
                    _subject, _bob,
                    new User("wang", "王经理", Role.Manager, "east", []),
                    new User("jiang", "Jiang", Role.Salesperson, "jiangsu", []),
                    new User("carol", "Carol", Role.Salesperson, "south", []),
                })
                {
                    session.People.Save(user);
                }

                return true;
            }, default).GetAwaiter().GetResult();
        }

        public async Task<string> ReachAsync(string act)
        {
            if (act == "admin")
            {
                var users = await new ManageAccess(_store, _clock).ListUsersAsync(Actor, default);
                return users.IsSuccess ? "install" : "";
            }

            var reached = new List<string>();
            foreach (var target in Targets)
            {
                if (act == "reports" && target == "own")
                {
                    continue;
                }

                if (await MayAsync(act, target))
                {
                    reached.Add(target);
                }
            }

            return string.Join(',', reached);
        }

        private Actor Actor => new(_subject, "test", "c-subject");

        private async Task<bool> MayAsync(string act, string target)
        {
            var teamOf = target switch { "own" or "team" => "east", "region" => "jiangsu", _ => "south" };
            var ownerOf = target switch { "own" => _subject, "team" => _bob, "region" => Person("jiang", "jiangsu"), _ => Person("carol", "south") };
            switch (act)
            {
                case "view":
                    var seen = await LeadAsync(ownerOf, teamOf);
                    return await _store.ReadAsync(session => LeadResolver.Resolve(session, Actor, seen).IsSuccess, default);
                case "edit":
                    return (await new ChangeStage(_store, _clock).HandleAsync(Actor, await LeadAsync(ownerOf, teamOf), LeadStage.Qualified, default)).IsSuccess;
                case "claim":
                    // One's "own" pool lead is the one offered to them.
                    var pool = await LeadAsync(owner: null, teamOf, offeredTo: target == "own" ? _subject : null);
                    return (await new ClaimLead(_store, _clock).HandleAsync(Actor, pool, default)).IsSuccess;
                case "transfer":
                    var handedTo = target == "team" ? Person("wang", "east") : _bob;
                    return (await new TransferLead(_store, _clock).HandleAsync(Actor, await LeadAsync(ownerOf, teamOf), handedTo.Key, default)).IsSuccess;
                case "phone":
                    return (await new RevealContact(_store, _clock).HandleAsync(Actor, await LeadAsync(ownerOf, teamOf), default)).IsSuccess;
                case "signed":
                    // A signed amount changes only after approval: being allowed means the request opens.
                    var won = await LeadAsync(ownerOf, teamOf, stage: LeadStage.Won);
                    var signed = new SetDealAmount(_store, _clock, new ChangeAmount(_store, _clock), new SignedAmountOperation());
                    return (await signed.HandleAsync(Actor, won, 120_000m, "CNY", "合同补充协议", default)).Value?.Approval is not null;
                case "delete":
                    var doomed = await LeadAsync(ownerOf, teamOf);
                    return (await new DeleteLead(_store, _clock, new DeleteLeadsOperation()).HandleAsync(Actor, doomed, "客户要求删除", default)).IsSuccess;
                case "reports":
                    return await _store.ReadAsync(session => LeadAccess.Of(session, _subject).SeesReportsOf(teamOf), default);
                default:
                    var lead = await LeadAsync(ownerOf, teamOf);
                    return await _store.ReadAsync(session => LeadAccess.Of(session, _subject).Covers(Permission.Export, session.Leads.Find(lead)!), default);
            }
        }

        private static User Person(string key, string team) => new(key, key, key == "wang" ? Role.Manager : Role.Salesperson, team, []);

        private Task<string> LeadAsync(User? owner, string team, User? offeredTo = null, LeadStage stage = LeadStage.New) =>
            _store.WriteAsync(session =>
            {
                var day = new DateOnly(2026, 11, 18);
                var number = LeadNumber.Format(day, session.NextInSequence(LeadNumber.SequenceFor(day)));
                var lead = Lead.Create(number, "客户" + number[^4..], Phone.TryParse("13800138000"), null, null, stage, owner, team, "test", "admin", _clock.GetUtcNow());
                if (offeredTo is not null)
                {
                    lead.OfferTo(offeredTo, _clock.GetUtcNow());
                }

                session.Leads.Insert(lead);
                return number;
            }, default);

        public void Dispose()
        {
            _store.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
