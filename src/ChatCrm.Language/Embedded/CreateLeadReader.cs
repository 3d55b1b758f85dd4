using System.Text.RegularExpressions;
using ChatCrm.Core.Leads;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// Reads a new lead's fields: labelled ones (电话 …, 公司 …, phone …) first, then the rest by shape and
/// order — a phone number, a stage word, an industry, a company suffix, a person's name, then name,
/// company, industry in the order said.
/// </summary>
internal static partial class CreateLeadReader
{
    private static readonly HashSet<string> Industries = new(StringComparer.OrdinalIgnoreCase)
    {
        "通信", "电信", "互联网", "金融", "银行", "保险", "证券", "教育", "培训", "医疗", "医药", "制造", "制造业", "零售",
        "电商", "物流", "房地产", "地产", "汽车", "能源", "化工", "餐饮", "旅游", "酒店", "政府", "政务", "软件", "游戏",
        "传媒", "广告", "农业", "建筑", "法律", "咨询", "快消", "服装", "IT", "新能源", "半导体", "芯片", "人工智能",
        "telecom", "telecommunications", "internet", "finance", "financial services", "banking", "insurance", "education",
        "healthcare", "medical", "pharma", "pharmaceuticals", "manufacturing", "retail", "e-commerce", "ecommerce",
        "logistics", "real estate", "automotive", "energy", "chemicals", "hospitality", "travel", "government",
        "software", "saas", "technology", "gaming", "media", "advertising", "agriculture", "construction", "legal",
        "consulting", "fmcg", "semiconductors", "biotech",
    };

    public static CreateLeadIntent Read(MessageContext message) => ReadFields(AfterCue(message.Text));

    /// <summary>Reads fields from text that holds only the lead's details (as after "/new").</summary>
    public static CreateLeadIntent ReadFields(string body)
    {
        var fields = new LeadFields();
        body = LabeledField().Replace(body, m =>
        {
            fields.SetLabeled(m.Groups["label"].Value, m.Groups["value"].Value.Trim());
            return ",";
        });

        if (fields.Phone is null && PhoneFinder.Find(body) is { } phone)
        {
            fields.Phone = phone.E164;
            body = string.Concat(body.AsSpan(0, phone.Start), ",", body.AsSpan(phone.End));
        }

        body = EnglishCompany().Replace(body, m =>
        {
            fields.Company ??= m.Groups["company"].Value.Trim();
            return ",";
        });

        foreach (var field in FieldSeparator().Split(body))
        {
            if (LanguageDetector.HasCjk(field) && field.Contains(' '))
            {
                foreach (var word in field.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    fields.SetUnlabeled(word);
                }
            }
            else
            {
                fields.SetUnlabeled(field.Trim());
            }
        }

        return new CreateLeadIntent(fields.Name, fields.Phone, fields.Company, fields.Industry, fields.Stage);
    }

    private static string AfterCue(string text)
    {
        var cue = IntentCues.CreateLead().Match(text);
        return cue.Success ? text[(cue.Index + cue.Length)..].TrimStart(' ', ':', ',', '-') : text;
    }

    private static string? IndustryOf(string field)
    {
        var trimmed = IndustrySuffix().Replace(field, string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed.Length < field.Length || Industries.Contains(trimmed) ? trimmed : null;
    }

    /// <summary>The fields found so far; a later value never overwrites one already found.</summary>
    private sealed class LeadFields
    {
        public string? Name { get; set; }

        public string? Phone { get; set; }

        public string? Company { get; set; }

        public string? Industry { get; set; }

        public LeadStage? Stage { get; set; }

        public void SetLabeled(string label, string value)
        {
            switch (label.ToLowerInvariant())
            {
                case "手机号码" or "手机号" or "手机" or "联系电话" or "联系方式" or "电话号码" or "电话" or "座机"
                    or "tel" or "phone" or "mobile" or "cell":
                    Phone ??= ChatCrm.Core.Personal.Phone.TryParse(NotPhoneChars().Replace(value, string.Empty))?.E164;
                    break;
                case "公司名称" or "公司" or "单位" or "企业" or "company":
                    Company ??= value;
                    break;
                case "行业" or "industry" or "sector":
                    Industry ??= IndustryOf(value) ?? value;
                    break;
                case "当前阶段" or "阶段" or "stage":
                    Stage ??= StageLexicon.Target(value, 0);
                    break;
                default:
                    Name ??= value;
                    break;
            }
        }

        public void SetUnlabeled(string field)
        {
            field = field.Trim(' ', '.', ':', '"', '\'');
            if (field.Length == 0)
            {
                return;
            }

            var company = CompanyPrefix().Match(field);
            if (company.Success && Company is null)
            {
                Company = field[company.Length..].Trim();
            }
            else if (Stage is null && StageLexicon.Exact(field) is { } stage)
            {
                Stage = stage;
            }
            else if (Industry is null && IndustryOf(field) is { } industry)
            {
                Industry = industry;
            }
            else if (Company is null && CompanySuffix().IsMatch(field))
            {
                Company = field;
            }
            else if (Name is null)
            {
                Name = NamePrefix().Replace(field, string.Empty);
            }
            else if (Company is null)
            {
                Company = field;
            }
            else
            {
                Industry ??= field;
            }
        }
    }

    [GeneratedRegex(
        @"(?<=^|[,;:\s])(?<label>手机号码|手机号|手机|联系电话|联系方式|电话号码|电话|座机|公司名称|公司|单位|企业|行业|姓名|名字|联系人|当前阶段|阶段|" +
        @"(?:tel|phone|mobile|cell|company|industry|sector|name|stage)(?![A-Za-z]))\s*(?:是|为|叫做|叫|:|=)?\s*" +
        @"(?<value>[^,;]+?)\s*(?=[,;]|\s(?:手机|电话|公司|单位|行业|姓名|阶段|(?:phone|tel|mobile|company|industry|stage|name)(?![A-Za-z]))|$)",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex LabeledField();

    [GeneratedRegex(@"(?<![A-Za-z])(?:from|at|of)\s+(?-i:(?<company>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}))",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishCompany();

    [GeneratedRegex(@"[,;|/]+")]
    private static partial Regex FieldSeparator();

    [GeneratedRegex(@"\s*(?:行业|领域|(?<![A-Za-z])(?:industry|sector)(?![A-Za-z]))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IndustrySuffix();

    [GeneratedRegex(
        @"(?:有限公司|股份|集团|公司|科技|银行|医院|学校|大学|工厂|研究院|事务所|" +
        @"(?<![A-Za-z])(?:corp\.?|corporation|inc\.?|ltd\.?|llc|co\.|company|group|technologies|bank|gmbh|plc|labs?))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompanySuffix();

    [GeneratedRegex(@"^(?:来自|就职于|任职于|在)\s*(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex CompanyPrefix();

    [GeneratedRegex(@"^(?:named|called|name|姓名|客户|联系人)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamePrefix();

    [GeneratedRegex(@"[^\d+]")]
    private static partial Regex NotPhoneChars();
}
