package cn.sciday.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simplified map of Jiangmen's seven divisions, drawn by the app (viewBox 0 0 380 340, north up): polygons in
 * roughly the right places and proportions, not survey data. 恩平市 far west, 开平市 west, 鹤山市 north-west, 蓬江区
 * north-centre, 江海区 east of it, 新会区 south-centre, 台山市 south-west along the coast with 上川岛 and 下川岛.
 */
final class DivisionMap {

    /** A division's outline (one or more polygons, SVG points) and where its label goes. */
    record Shape(String name, List<String> polygons, int labelX, int labelY) {
    }

    static final String VIEW_BOX = "0 0 380 340";

    static final Map<String, Shape> SHAPES = Map.of(
            "鹤山市", new Shape("鹤山市", List.of("150,15 215,8 255,45 245,85 210,110 160,100 140,60"), 197, 60),
            "蓬江区", new Shape("蓬江区", List.of("255,45 300,55 318,95 300,125 262,128 245,85"), 281, 92),
            "江海区", new Shape("江海区", List.of("318,95 360,110 365,150 330,165 300,125"), 334, 132),
            "新会区", new Shape("新会区", List.of("210,110 245,85 262,128 300,125 330,165 335,215 290,250 230,235 205,180"),
                    270, 185),
            "开平市", new Shape("开平市", List.of("110,95 140,60 160,100 210,110 205,180 150,200 105,160"), 158, 145),
            "恩平市", new Shape("恩平市", List.of("40,120 110,95 105,160 150,200 120,235 60,240 20,190"), 75, 180),
            "台山市", new Shape("台山市", List.of("150,200 205,180 230,235 290,250 280,300 200,318 120,300 120,235",
                    "88,318 112,312 116,328 92,334", "135,326 150,322 152,332 137,335"), 200, 270));

    private DivisionMap() {
    }

    static Optional<Shape> shape(String divisionName) {
        return Optional.ofNullable(SHAPES.get(divisionName));
    }
}
