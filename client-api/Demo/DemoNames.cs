namespace Spotlight.ClientApi.Demo;

/// <summary>
/// Real-looking Japanese and Korean names for the demo's artists, tracks and fan videos, the same every run
/// (chosen by index, not at random), so that a screenshot or a bug report from a demo can be found again.
/// </summary>
public static class DemoNames
{
    private static readonly string[] JapaneseFamily = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "松本", "井上", "木村"];
    private static readonly string[] JapaneseGiven = ["陽翔", "蓮", "結衣", "陽菜", "湊", "葵", "凛", "樹", "美咲", "大和", "咲良", "悠真", "芽依", "颯太", "莉子", "奏"];
    private static readonly string[] KoreanFamily = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"];
    private static readonly string[] KoreanGiven = ["서준", "하은", "민준", "지우", "도윤", "서연", "예준", "수아", "시우", "지민", "하린", "준서", "은우", "채원"];
    private static readonly string[] JapaneseOpening = ["夜明けの", "青い", "遠い", "真夏の", "雨上がりの", "星降る", "静かな", "最後の", "はじめての", "白い"];
    private static readonly string[] JapaneseClosing = ["街", "海", "約束", "記憶", "風", "光", "夢", "花火", "手紙", "帰り道"];
    private static readonly string[] KoreanOpening = ["새벽의", "푸른", "먼", "한여름", "비 갠 뒤", "별빛", "조용한", "마지막", "처음의", "하얀"];
    private static readonly string[] KoreanClosing = ["거리", "바다", "약속", "기억", "바람", "빛", "꿈", "불꽃", "편지", "골목"];

    /// <summary>Even artists are Japanese (region JP), odd ones Korean (KR).</summary>
    public static string RegionOf(int artist) => artist % 2 == 0 ? "JP" : "KR";

    public static string Artist(int artist)
    {
        var n = artist / 2;
        return RegionOf(artist) == "JP"
            ? $"{JapaneseFamily[n % JapaneseFamily.Length]} {JapaneseGiven[(n / JapaneseFamily.Length + n) % JapaneseGiven.Length]}"
            : $"{KoreanFamily[n % KoreanFamily.Length]}{KoreanGiven[(n / KoreanFamily.Length + n) % KoreanGiven.Length]}";
    }

    public static string Track(int artist)
    {
        var n = artist / 2;
        return RegionOf(artist) == "JP"
            ? $"{JapaneseOpening[n % JapaneseOpening.Length]}{JapaneseClosing[(n / JapaneseOpening.Length + n) % JapaneseClosing.Length]}"
            : $"{KoreanOpening[n % KoreanOpening.Length]} {KoreanClosing[(n / KoreanOpening.Length + n) % KoreanClosing.Length]}";
    }
}
