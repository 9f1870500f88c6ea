/// The inline stylesheet of the generated pages: system fonts only, screen and print rules.
///
/// Colour is never the only signal: every status also has a symbol and words, every calendar
/// entry a kind label, closed days a hatched background and the word "Closed".
enum HTMLStyle {
  static let css = """
    :root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--accent:#0b5cad;
    --strength:#1a7f37;--on-target:#0969da;--gap:#b35900;--critical:#c62828;--unknown:#6e7781;
    --conflict:#7c3aed;}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0 auto;max-width:1200px;padding:24px 32px 48px;color:var(--ink);background:#fff;
    font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,
    sans-serif;overflow-wrap:break-word}
    h1{font-size:1.9rem;line-height:1.2;margin:.1rem 0 .8rem}
    h1 .role{display:block;font-size:1.15rem;font-weight:500;color:var(--muted)}
    h2{font-size:1.4rem;margin:2.2rem 0 .8rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
    h3{font-size:1.1rem;margin:1.4rem 0 .5rem}
    a{color:var(--accent)}
    code{font:12px/1.3 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;color:var(--muted);
    overflow-wrap:anywhere}
    .eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;color:var(--muted)}
    .muted{color:var(--muted);font-size:.88em}
    .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:.4rem 1.5rem;
    margin:0 0 1rem}
    .facts div{border-left:3px solid var(--line);padding-left:.6rem}
    .facts dt{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
    .facts dd{margin:0}
    .facts .address{display:block;font-size:.88em;overflow-wrap:anywhere}
    .note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.5rem .8rem}
    .tag,.kind{display:inline-block;font-size:.72rem;line-height:1.3;padding:0 .35rem;
    border:1px solid currentColor;border-radius:4px;text-transform:uppercase;letter-spacing:.03em;
    white-space:nowrap;vertical-align:.1em}
    .contents ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:.5rem 0;margin:0;
    border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
    .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
    white-space:nowrap}
    table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
    caption{text-align:left;color:var(--muted);font-size:.88rem;padding:.2rem 0}
    th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
    thead th{background:var(--soft);font-size:.85rem}
    tbody th{font-weight:600}
    td.num{text-align:right;font-variant-numeric:tabular-nums}
    td.time,.item-list .time{white-space:nowrap;font-variant-numeric:tabular-nums}
    .scroll{overflow-x:auto}
    .badge{white-space:nowrap;font-weight:600}
    .badge.status-strength{color:var(--strength)}.badge.status-on-target{color:var(--on-target)}
    .badge.status-gap{color:var(--gap)}.badge.status-critical-gap{color:var(--critical)}
    .badge.status-unassessed{color:var(--unknown)}.badge.status-conflicting{color:var(--conflict)}
    .legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;margin:.4rem 0}
    .legend div{display:flex;gap:.35rem;align-items:baseline}
    .legend dd{margin:0}
    figure.chart{margin:1rem 0;overflow-x:auto}
    figure.chart figcaption{color:var(--muted);font-size:.88rem;margin-top:.3rem}
    svg.gap-chart{display:block;width:100%;height:auto;
    font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
    .gap-chart text{font-size:13px;fill:var(--ink)}
    .gap-chart .legend text{font-size:13px}
    .gap-chart .axis line{stroke:var(--line);stroke-width:1}
    .gap-chart .axis text{font-size:11px;fill:var(--muted);text-anchor:middle}
    .gap-chart .stripe{fill:#f6f8fa}
    .gap-chart .skill-name{text-anchor:end;font-weight:600}
    svg.chart-narrow{display:none}
    .gap-chart .skill-name-n{font-weight:600;font-size:14px}
    .gap-chart .skill-meta-n{font-size:12px;fill:var(--muted)}
    .gap-chart .skill-meta{text-anchor:end;font-size:11.5px;fill:var(--muted)}
    .gap-chart .target{fill:#fff;stroke:#1f2328;stroke-width:1.5}
    .gap-chart .observed{stroke:#1f2328;stroke-width:.8}
    .gap-chart .observed.status-strength{fill:var(--strength)}
    .gap-chart .observed.status-on-target{fill:var(--on-target)}
    .gap-chart .observed.status-gap{fill:var(--gap)}
    .gap-chart .observed.status-critical-gap{fill:var(--critical)}
    .gap-chart .unknown{stroke:#57606a;stroke-width:1.2;stroke-dasharray:5 3}
    .gap-chart .unknown-label-bg{fill:#fff}
    .gap-chart .unknown-label{font-size:11.5px;text-anchor:middle;font-style:italic}
    .gap-chart .whisker{fill:none;stroke:#1f2328;stroke-width:2}
    .gap-chart .source-mark{fill:#fff;stroke:var(--conflict);stroke-width:2}
    .gap-chart .status-text{font-weight:600}
    .gap-chart .status-gap .status-text{fill:var(--gap)}
    .gap-chart .status-critical-gap .status-text{fill:var(--critical)}
    .gap-chart .status-strength .status-text{fill:var(--strength)}
    .gap-chart .status-on-target .status-text{fill:var(--on-target)}
    .gap-chart .status-conflicting .status-text{fill:var(--conflict)}
    .gap-chart .status-unassessed .status-text{fill:var(--unknown)}
    .gap-chart .status-detail{font-size:11.5px;fill:var(--muted)}
    table.gaps tbody tr.status-critical-gap th,table.gaps tbody tr.status-gap th{
    border-left:4px solid var(--gap)}
    details.evidence{border:1px solid var(--line);border-radius:6px;padding:.3rem .7rem;margin:.35rem 0}
    div.evidence.empty{border:1px dashed var(--line);border-radius:6px;padding:.3rem .7rem;
    margin:.35rem 0;font-weight:600}
    div.evidence.empty p{margin:0}
    details.evidence summary{cursor:pointer;font-weight:600}
    details.evidence ul{margin:.3rem 0 .2rem;padding-left:1.2rem}
    details.evidence li{margin:.15rem 0}
    table.calendar{table-layout:fixed}
    table.calendar th.week-col{width:7.5rem;font-weight:600;font-size:.85rem}
    table.calendar td{padding:.3rem .35rem;font-size:.82rem;line-height:1.3;overflow-wrap:anywhere}
    table.calendar .date{font-weight:700;margin-bottom:.2rem}
    td.day.outside{background:var(--soft);color:var(--muted)}
    td.day.closed{background:repeating-linear-gradient(135deg,#fff 0 6px,#eef0f3 6px 12px)}
    td.day.first-day{box-shadow:inset 0 0 0 2px var(--accent)}
    .closure{margin:.2rem 0;font-weight:600}
    .closure .tag{color:var(--critical)}
    ul.items{list-style:none;margin:0;padding:0}
    ul.items li{margin:.2rem 0;padding:.15rem .3rem;border-left:4px solid var(--line);
    background:#fff;border-radius:2px}
    ul.items .time{font-weight:700;font-variant-numeric:tabular-nums}
    ul.items .kind{font-size:.62rem}
    .kind-training .kind{color:#8a4600;background:#fff1e5}
    .kind-verification .kind{color:#6639ba;background:#f5f0ff}
    .kind-milestone .kind{color:#fff;background:var(--critical);border-color:var(--critical)}
    .kind-meeting .kind,.kind-check-in .kind{color:#0550ae;background:#ddf4ff}
    .kind-activity .kind{color:#424a53;background:#f6f8fa}
    ul.items li.kind-training{border-left-color:var(--gap);border-left-style:double;border-left-width:5px}
    ul.items li.kind-verification{border-left-color:var(--conflict);border-left-style:dashed}
    ul.items li.kind-milestone{border-left-color:var(--critical);border-left-width:6px;font-weight:600}
    ul.items li.kind-meeting,ul.items li.kind-check-in{border-left-color:var(--on-target);
    border-left-style:dotted}
    .item-list{padding-left:1.2rem}.item-list li{margin:.25rem 0}
    .milestone{border-left:4px solid var(--critical);padding:.1rem .8rem;margin:.6rem 0}
    .milestone p{margin:.2rem 0}
    em.moved{color:var(--muted);font-size:.9em}
    table.schedule td.time{width:7.5rem}
    table.reasons td.time{width:8rem}
    table.reasons th[scope=row]{width:28%}
    table.reasons td:nth-child(3){width:15%}
    table.reasons td:last-child{width:22%;overflow-wrap:anywhere}
    table.emails td:last-child{width:24%}
    table.schedule th[scope=row]{width:30%}
    table.schedule td:nth-of-type(2){width:17%}
    table.matrix{width:auto;min-width:60%}
    table.matrix td{text-align:center;white-space:nowrap;font-size:.85rem}
    table.matrix td.status-gap{background:#fff1e5}table.matrix td.status-critical-gap{background:#ffebe9}
    table.matrix td.status-strength{background:#dafbe1}table.matrix td.status-conflicting{background:#f5f0ff}
    table.matrix td.status-unassessed{background:repeating-linear-gradient(135deg,#fff 0 5px,#f0f1f3 5px 10px)}
    table.matrix td.not-required{color:var(--muted)}
    table.matrix .sym{font-size:1.05rem}
    .failed{color:var(--critical);font-weight:700}
    footer{margin-top:2.5rem;color:var(--muted);font-size:.82rem;border-top:1px solid var(--line)}
    @media screen and (max-width:560px){
    svg.gap-chart:not(.chart-narrow){display:none}
    svg.chart-narrow{display:block}
    }
    @media screen and (max-width:760px){
    body{padding:14px}
    h1{font-size:1.5rem}
    table.calendar,table.calendar caption,table.calendar tbody,table.calendar tr,table.calendar td,
    table.calendar th,table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack th{
    display:block;width:auto}
    table.calendar thead,table.stack thead{display:none}
    table.calendar tr{margin-bottom:.6rem}
    table.calendar th.week-col{width:auto;background:var(--soft)}
    table.calendar td.outside:not(.closed){display:none}
    table.stack tr{border:1px solid var(--line);border-radius:6px;margin-bottom:.5rem}
    table.stack td,table.stack th{border:0;padding:.15rem .5rem}
    table.stack tr>*{width:auto!important}
    table.stack td.time{font-weight:700;padding-top:.4rem}
    table.schedule td:nth-of-type(2)::before{content:"Who: ";color:var(--muted)}
    table.reasons td:nth-of-type(2)::before{content:"Skill: ";color:var(--muted)}
    table.reasons td:nth-of-type(4)::before{content:"Resource: ";color:var(--muted)}
    table.emails td:nth-of-type(2)::before{content:"To: ";color:var(--muted)}
    }
    @page{margin:14mm 12mm}
    @media print{
    @page{size:A4;margin:14mm 12mm}
    body{max-width:none;padding:0;font-size:10.5pt}
    nav.contents{display:none}
    a{color:inherit;text-decoration:none}
    section.page{break-before:page}
    section#calendar{break-before:auto;margin-top:1.2rem}
    h2,h3{break-after:avoid}
    tr,li,.day-block,details.evidence,.milestone{break-inside:avoid}
    thead{display:table-header-group}
    .scroll,figure.chart{overflow:visible}
    h1{font-size:18pt;margin:0 0 .3rem}
    h2{margin:1rem 0 .5rem}
    .facts{grid-template-columns:repeat(4,1fr);font-size:8.5pt;gap:.2rem .8rem;margin-bottom:.4rem}
    .note{padding:.2rem .5rem;font-size:9pt}
    section#gaps p{margin:.3rem 0}
    section#goals{font-size:7.5pt}
    section#goals .goal-days{display:grid;grid-template-columns:repeat(3,1fr);gap:0 1rem}
    section#goals h2{margin:.4rem 0 .2rem}
    section#goals h3{margin:.2rem 0;font-size:8.5pt}
    section#goals ul{margin:0 0 .3rem;padding-left:1rem}
    section#goals li{break-inside:avoid}
    section#goals .goal-how{display:none}
    svg.gap-chart{width:auto;max-width:100%;height:auto;max-height:140mm;margin:0 auto}
    figure.chart{break-inside:avoid;margin:.4rem 0}
    figure.chart figcaption{font-size:8pt}
    details.evidence::details-content{content-visibility:visible;display:contents}
    table.calendar td{font-size:7.5pt}
    section#calendar{break-inside:avoid}
    table.calendar caption,table.calendar thead{break-after:avoid}
    table.calendar th.week-col{width:5.2rem}
    ul.items .kind{font-size:6pt}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }
    """
}
