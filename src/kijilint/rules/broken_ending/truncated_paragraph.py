from __future__ import annotations

from kijilint.rules.base import Rule
from kijilint.rules.broken_ending._targets import article_ends
from kijilint.rules.broken_ending._truncation import analyse, tail_quote


class TruncatedParagraph(Rule):
    """Finds a prose paragraph whose last sentence stops mid-way (``…自社の``, ``…高性能なLL``).

    Why: generation cut off (a token limit, a stopped stream) leaves a sentence without its end;
    the reader hits a wall.  Judged by grammar, not by a missing 。 alone:

    - the last words cannot end a sentence: a particle (an explanation's の too, ``…果たしているの``;
      a question with its question word may end so, ``どんな曲があるの``), a dangling 、, a continuative form, a
      word cut short (``LL`` beside ``LLM``, ``書き留``, ``検知するた``, one kanji after を:
      ``…を変``), a verb's stem that one more kana would make whole (``…と助か``, ``日付が変わ``,
      ``…」と言``), markup left open (``**Findy 開発生``, ``[クイックスタート]`` without its
      URL, a backtick after the last word: ``…そこから` ``, an ASCII bracket; not a bold run
      closed with one asterisk after a closing quote or a sentence mark, ``…ままである"*``);
    - or they end on a bare noun in a paragraph whose other sentences all end in 。, or in a
      one-sentence paragraph that subordinates a clause (…ため、この 12 月);
    - or a clause joined on to nothing by が, けど, し or のに (``…ツラいものがありますが``)
      in a document that does not leave its lines bare;
    - or the paragraph is the only one of a document that ends every other paragraph with 。
      (four or more of them): its earlier sentences end in 。 but its last does not
      (``…。…を解決する``); a one-sentence paragraph counts so only when no other line is left
      bare and it stops on a noun its particle or adverb still governs (``本体はダウ``); not a
      finished sentence before a line of links it introduces (``…から使わせていただいた`` ⏎
      ``[出典](…)``), nor a log's dated entry (``2022/08/21 …今後残り読んでいく``), nor a
      note led by ※ (inside emphasis too) or a line set in italics (a credit,
      ``*某漫画の台詞よりオマージュ*``), nor a cross-reference said short (``…を参照``), nor a hedge
      (``…だけかもしれない``, ``…だろう``: a cut seldom lands right after one);
    - or the next paragraph picks it up again after ``...``;
    - or a list item's prose ends its own sentences with 。 and then stops on a case, binding
      or conjunctive particle, a verb's 未然形 (``…持っていると思わ``), an attributive な or a
      word cut short (``通称 E8本。…解説している。AtCoderに``).

    Left alone: headings, other list items (also ``2. …``, ``・…``, ``①…`` or ``一　…`` ⏎ ``二　…`` lines folded into a
    paragraph, and items on one line set apart by spaced slashes, ``A / B / C``), tables,
    captions (a short line without 。 right under an embed or a picture, or opening a section
    right above its pictures; or a noun phrase describing its heading, in a document whose
    sections open so two or more times more; or one line that is one noun phrase, every
    predicate in it modifying a noun, ``…さんが作成した…ためのライブラリ``), link lines (links set
    apart by commas too), a see-also entry (``### 参照`` ⏎
    ``[Cargo](…) 依存関係の指定について``), quotes (a line quoted with ``＞`` too), lines ending in ``：``,
    lead-ins followed by a list (a reason trailed off on し too, ``…場所でしたし`` ⏎ list; also
    items set out as paragraphs numbered ① ⏎⏎ ②, or lines
    numbered ``1、…`` ⏎ ``2、…``), code, a display line (a command, a formula or a comparison,
    ``C1 <= C2 < MCDC``; a paragraph
    of English sentences, a note left untranslated, is prose), a bold or italic line, or an embed
    (HTML, a shortcode, a bare address a blog shows as a card) (``例えば、``; a manner pointed
    at before a picture, ``こんな感じで``, or a step told in 体言止め, ``…を購入``; after finished
    sentences, a quotation or an embed needs 、, ：, は or a pointing word such as 以下 or こちら,
    and a noun its particle still governs, ``…今回も普段自分``, is cut before one),
    a sentence resumed on a list's last line (``…している際、`` ⏎ ``- …のか`` ⏎ ``といったことが…``), a
    summary's adverb before a list (``…主張は、ざっくり`` ⏎ list),
    a sentence woven through code blocks (``…第一卷に`` ⏎ code ⏎ ``とある注文の…``) or
    through lists by a short bridging line (``…思うのは`` ⏎ list ⏎ ``とかではなく`` ⏎ list) or carried over
    a pause by a dash, as fiction does (``…彼女は`` ⏎ ``――この町を出ていく。``), paragraphs ending
    in a Markdown hard break (or on 、 before a blank line typed as spaces, the break an
    export split off) or set out a phrase per paragraph, one-line taglines, labels
    and fields (``執筆: …``), a Q&A transcript's answers (``A. …引きにするよ``), ``//`` note lines,
    one-word notes, headings of other markups (``h2. …``, ``** おわりに``) and titles typed
    without any (``【まとめ】``, ``技術書典とは``, ``個人ブログの作り直し``, or two or more short bare lines such
    as ``ツールチップとは`` or ``2019年振り返り`` between finished paragraphs), items set out as
    paragraphs inside one sentence (``理由は，`` ⏎ ``A`` ⏎ ``B`` ⏎ ``と考えた．``, or a line each in one
    paragraph: ``ここで学んだのは、`` ⏎ ``コードの書き方`` ⏎ ``CI/CD`` ⏎ ``という所です``), figures or English
    set after the sentences (``…改善した。`` ⏎ ``E 20k up``: only a word cut short counts there), a sentence
    carried around a phrase set apart on its own line, ``<br>`` spacers between (``…保護者の方で、``
    ⏎ ``**「…何をするの？」**`` ⏎ ``と不安や…``, ``*…→色相・彩度* で``, ``…典型例ですが、`` ⏎
    ``**…破綻してしまい**,`` ⏎ ``結局は…``), a flow drawn with arrows (``…（プログラム） <-> 言語処理系
    <-> プロセッサ``), an afterthought closed in
    ``<small>…</small>``, numbered items set in bold (``**(8)** …メッセージ<br>``), a punchline
    after an ellipsis (``…みたいだ... 闇討ち失敗``, ``…とは... #タグ``), a saying's author after a
    spaced dash (``… - Linus Torvalds``), an adverb said as a casual predicate (``排熱がいまいち``),
    a one-line step on a て-form before the code that does it, more text after the code
    (``得られた文字列をPOSTして`` ⏎ code ⏎ ``CPCTF{…}``), a section whose
    whole body is one noun phrase (``### 場所`` ⏎ ``…のマクタン島``), an e-mail address closing a
    contact card, notes inside an element the page hides (``<div class="hidden">``), a
    particle leading into a quotation displayed as a paragraph of its own (``…すると`` ⏎
    ``「…」``) or on a line of its own with the sentence's end below it (``…結論を書くと`` ⏎
    ``「…のふりかえり」`` ⏎ ``です。``), a particle or 、 whose sentence resumes past any block set
    apart, a picture, quotation lines, a shortcode's box and an aside in brackets, on a particle
    or an auxiliary (``2016 年は`` ⏎ ``「…人」`` ⏎ ``「…人」`` ⏎ ``になることを目指したい。``; a
    connective such as ``とは言え`` opens a sentence of its own), code typed over blank lines
    between single backticks (the span is closed in a later paragraph), casual asides (``（笑``, ``（おい``), faces (``m(__)m``, ``…ください mm``, ``／(^o^)＼``,
    ``(´Д⊂ ｸﾞｽﾝ``, ``(´；ω；｀)ﾌﾞﾜｯ``), a sentence ending in a link's text (``<a …>こちら</a>``, or any
    element with an ``href``), a pointer to a link said short (``詳細はこちらから``), a notice's
    ``…にて`` mid-article (``詳細は公式サイトにて``), a tale's closing formula (``めでたしめでたし``), the phrase that
    closes an aside on a line of its own (``閑話休題``), net slang (``…ってことでmm``, ``…注意ok``,
    ``…光りモノ系 w``), a one-sentence line closed casually (``…打ち上げとか``, ``…なう``, ``…なんつって``,
    ``…みたいな``, ``はい、というわけで``), a teaser before ``<!-- more -->``, a dateline after the last
    sentence, polite endings missing only their 。 (``…ご注意ください``), a tendency said short (``…作成をしがち``), telegraphic endings
    (``…だった模様``) and plain verbs (``…意識が、飛ぶ``, which the tagger may read as 連体形).
    Nor does it fire on speech spelt playfully (``…同い年〜〜ッッ``, ``…応援しまーす``,
    ``…幸せになってネ``, ``…食べたかったのに w``, ``…どうしようと…泣``, ``…なりました泣``, faces such as ``(´д`lll)``,
    ``( *´艸`)♡`` or ``><``, whose backtick eye opens no code: ``…3回目ですけど(*´ω`)``),
    a word dragged out (``…楽しみがぁ``, ``…私達もですがーーー``), a question or an offer on
    だろう/ましょう and か (``…春が来るんだろうか``), a guess on かもよ, a doubt left on ``果たして…かどうか``, actions listed with
    ``…たり…たり``, a letter's signature (``町内会長 山田太郎より``) or welcome (``…へようこそ``),
    a contact number after the last sentence (``TEL 075-…``), one-line fields (``車種:アミティ``,
    ``文=玉居子泰子``, a cast list's ``役名:俳優``, a term and its gloss: ``「座学型」...…形式``),
    short items joined by ・ (``釣り・山登り・ランニング``), a label and its value set apart by a
    tab (a table pasted as text), a weather report (``晴れ一時雨``), lines graded
    with ○ and × set as paragraphs, a caption in the picture's own alt text (``<img alt="…">`` ⏎
    ``*…*``), or a title typed as the opening line (``…は?入院日数は?入院生活まとめ``).
    Hatena notation (``[f:id:…:plain]`` photos, ``[https://…:embed:cite]`` cards), image
    shortcodes (``{% image "…" %}``, ``{{< figure … >}}``) and ``<img>`` framed by ``<figure>``
    count as the pictures and cards they show.  A caption led by ▲ or ■ that runs on into
    prose (three sentences or more) is judged, but only grammar counts there (a word cut short,
    a particle), and so is a line of prose under a picture (a 。 inside it: no caption).  In a
    document where half the paragraphs or more end
    without punctuation (minutes, verse, slides, memos), or that ends three lines or more with a
    plain predicate and a bare line break (notes taken a line a thought), only a word cut short, open markup, or
    a paragraph's own 。-ended sentences (not mere exclamations) before a cut count.  The
    article's last paragraph is EN003's (truncated-article).
    Bad:  ``市場は拡大しています。既存の巨大テック企業も、自社の``
    Good: ``市場は拡大しています。既存の巨大テック企業も、自社の戦略を見直しています。``
    Fix: none (only the author knows how the sentence ends).
    """

    code, name, category, severity = "EN002", "truncated-paragraph", "broken-ending", "warning"
    options = {"footers": "footers"}

    def check(self, doc, report):
        ends = article_ends(doc, self.opts["footers"])
        for b in doc.paragraphs:
            if b.index in ends:
                continue
            v = analyse(doc, b)
            if v is None:
                continue
            report(v.start, v.end, f"文が途中で切れています（{v.why}）: {tail_quote(doc, v)}")
